// @vitest-environment jsdom
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { zodResolver } from '@hookform/resolvers/zod';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useForm, useWatch, type Resolver } from 'react-hook-form';
import { afterEach, describe, expect, it } from 'vitest';
import {
  countryValidationRulesSchema,
  type CountryValidationRules,
} from '@/api/partner-center/resources';
import { addressRules } from '@/countries/addresses';
import { createBillingProfileSchema } from '@/countries/customer-profile-schemas';
import { AddressBlock } from './address-block';
import { addressFieldNames, type AddressFieldName } from './address-labels';
import { valuesForCountry } from './country-change';
import { CountryField } from './country-field';
import { CultureFields } from './culture-fields';

afterEach(cleanup);

type Values = {
  firstName: string;
  lastName: string;
  email: string;
  companyName: string;
  culture: string;
  defaultAddress: Record<AddressFieldName, string>;
};

function emptyAddress(country: string): Record<AddressFieldName, string> {
  return {
    ...(Object.fromEntries(addressFieldNames.map((field) => [field, ''])) as Record<
      AddressFieldName,
      string
    >),
    country,
  };
}

/** The billing form's address and culture, as the real forms build them, in a small harness. */
function Harness(props: { country: string; pcRules?: CountryValidationRules }) {
  const resolver = zodResolver(
    createBillingProfileSchema(() => props.pcRules),
  ) as unknown as Resolver<Values>;
  const form = useForm<Values>({
    defaultValues: {
      firstName: 'Ana',
      lastName: 'Silva',
      email: 'ana@example.com',
      companyName: 'Acme',
      culture: '',
      defaultAddress: emptyAddress(props.country),
    },
    mode: 'onTouched',
    resolver,
  });
  return (
    <FluentProvider theme={webLightTheme}>
      <form onSubmit={(event) => void form.handleSubmit(() => undefined)(event)}>
        <CultureFields
          formId="t"
          control={form.control}
          name="culture"
          country={props.country}
          partnerCenterRules={props.pcRules}
        />
        <AddressBlock
          formId="t"
          control={form.control}
          prefix="defaultAddress"
          legend="Default address"
          rules={addressRules(props.country, props.pcRules)}
          partnerCenterRules={props.pcRules}
          countryField={<span>{props.country}</span>}
        />
        <button type="submit">Save</button>
      </form>
    </FluentProvider>
  );
}

function address() {
  return within(screen.getByRole('group', { name: 'Default address' }));
}

/** The address block's field labels in the order a user meets them. */
function labelsInOrder(): string[] {
  return address()
    .getAllByRole('textbox')
    .concat(address().queryAllByRole('combobox'))
    .sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1))
    .map((control) => {
      const label =
        document.getElementById(control.getAttribute('aria-labelledby') ?? '') ??
        document.querySelector(`label[for="${control.id}"]`);
      return label?.textContent?.replace(/\s*\*$/, '') ?? '';
    });
}

async function leaveWith(label: string, value: string) {
  const input = address().getByRole('textbox', { name: label });
  fireEvent.change(input, { target: { value } });
  fireEvent.blur(input);
  return input as HTMLInputElement;
}

describe('the address block, laid out for its country', () => {
  it.each([
    ['PL', ['Address line 1', 'Address line 2', 'Address line 3', 'Postal code', 'City', 'Region']],
    [
      'US',
      ['Address line 1', 'Address line 2', 'Address line 3', 'City', 'State', 'ZIP code', 'Region'],
    ],
    [
      'JP',
      ['Address line 1', 'Address line 2', 'Address line 3', 'Prefecture', 'Postal code', 'Region'],
    ],
    [
      'BR',
      [
        'Address line 1',
        'Address line 2',
        'Address line 3',
        'Neighborhood',
        'City',
        'State',
        'Postal code',
        'Region',
      ],
    ],
    [
      'IN',
      ['Address line 1', 'Address line 2', 'Address line 3', 'City', 'PIN code', 'State', 'Region'],
    ],
    [
      'GB',
      ['Address line 1', 'Address line 2', 'Address line 3', 'Post town', 'Postal code', 'Region'],
    ],
    ['AE', ['Address line 1', 'Address line 2', 'Address line 3', 'Emirate', 'Region']],
  ])('%s: its fields in its order, with its words', (country, expected) => {
    render(<Harness country={country} />);
    const labels = labelsInOrder();
    expect(labels.slice(0, expected.length)).toEqual(expected);
    // Then the contact at the address.
    expect(labels.slice(expected.length)).toEqual([
      'First name',
      'Middle name',
      'Last name',
      'Phone number',
    ]);
  });

  it.each([
    ['PL', true],
    ['BR', true],
    ['IN', true],
    ['AE', true],
    ['US', false],
    ['GB', false],
    ['JP', false],
  ])(
    '%s: the phone is required: %s (the 24 registration-number countries)',
    (country, required) => {
      render(<Harness country={country} />);
      const phone = address().getByRole('textbox', { name: /Phone number/ });
      expect(phone.getAttribute('aria-required') === 'true' || phone.hasAttribute('required')).toBe(
        required,
      );
    },
  );

  it('says what a postal code looks like, with the country’s example, and reshapes a good one', async () => {
    render(<Harness country="PL" />);
    await leaveWith('Postal code', '0095');
    expect(await address().findByText(/A postal code in Poland looks like 00-950\./)).toBeTruthy();
    const input = await leaveWith('Postal code', '00950');
    await waitFor(() => expect(input.value).toBe('00-950'));
    await waitFor(() => expect(address().queryByText(/looks like 00-950/)).toBeNull());
  });

  it('checks a field when it is left, not while it is first typed', async () => {
    render(<Harness country="US" />);
    const zip = address().getByRole('textbox', { name: /ZIP code/ });
    fireEvent.change(zip, { target: { value: '9' } });
    expect(
      address().queryByText(/ZIP code/, {
        selector: '[role=alert], .fui-Field__validationMessage',
      }),
    ).toBeNull();
    fireEvent.blur(zip);
    expect(
      await address().findByText(/This ZIP code is not valid in the United States/),
    ).toBeTruthy();
  });

  it('reshapes a phone number to what Partner Center is sent when it is left', async () => {
    render(<Harness country="BR" />);
    const phone = address().getByRole('textbox', { name: /Phone number/ });
    fireEvent.change(phone, { target: { value: '+55 11 91234-5678' } });
    fireEvent.blur(phone);
    await waitFor(() => expect((phone as HTMLInputElement).value).toBe('11912345678'));
  });

  it('offers Google’s states as suggestions, and Partner Center’s as the only choices', () => {
    const { unmount } = render(<Harness country="US" />);
    // A suggestion box (free text allowed): Fluent's combobox input.
    expect(address().getByRole('combobox', { name: /State/ }).tagName).toBe('INPUT');
    unmount();
    const pcRules = countryValidationRulesSchema.parse({
      iso2Code: 'US',
      isStateRequired: true,
      supportedStatesList: ['WA', 'OR', 'CA'],
    });
    render(<Harness country="US" pcRules={pcRules} />);
    const state = address().getByRole('combobox', { name: /State/ });
    expect(state.tagName).toBe('SELECT');
    const options = within(state)
      .getAllByRole('option')
      .map((option) => option.textContent);
    expect(options).toEqual(['Choose a state', 'Washington', 'Oregon', 'California']);
  });
});

describe('the culture, among the country’s, and the language that follows it', () => {
  it.each([
    ['PL', ['pl-PL', 'en-US']],
    ['IN', ['en-IN', 'hi-IN', 'en-US']],
    ['CH', ['de-CH', 'fr-CH', 'it-CH', 'en-US']],
    ['JP', ['ja-JP', 'en-US']],
  ])('%s offers %j', (country, cultures) => {
    render(<Harness country={country} />);
    const select = screen.getByRole('combobox', { name: /Culture/ });
    const values = within(select)
      .getAllByRole('option')
      .map((option) => (option as HTMLOptionElement).value)
      .filter(Boolean);
    expect(values).toEqual(cultures);
  });

  it('shows the culture’s language, read-only', async () => {
    render(<Harness country="CH" />);
    fireEvent.change(screen.getByRole('combobox', { name: /Culture/ }), {
      target: { value: 'fr-CH' },
    });
    const language = screen.getByRole('textbox', { name: 'Language' }) as HTMLInputElement;
    await waitFor(() => expect(language.value).toBe('fr (French)'));
    expect(language.readOnly).toBe(true);
  });
});

describe('the zod resolver', () => {
  it('turns a failed parse into field errors instead of throwing a ZodError', async () => {
    const resolver = zodResolver(createBillingProfileSchema());
    const result = await resolver(
      {
        firstName: '',
        lastName: 'Silva',
        email: 'not an email',
        companyName: 'Acme',
        culture: 'xx-XX',
        defaultAddress: { ...emptyAddress('PL'), addressLine1: 'ul. Prosta 51' },
      },
      undefined,
      { fields: {}, shouldUseNativeValidation: false },
    );
    expect(result.values).toEqual({});
    const errors = result.errors as Record<string, unknown> & {
      defaultAddress?: Record<string, { message: string }>;
    };
    expect(Object.keys(errors).sort()).toEqual(['culture', 'defaultAddress', 'email', 'firstName']);
    expect(errors.defaultAddress?.phoneNumber?.message).toMatch(
      /requires one for customers in Poland/,
    );
    expect(errors.defaultAddress?.postalCode?.message).toMatch(/Poland/);
  });
});

/** An address whose country can change, as the onboarding form has it. */
function MovingHarness(props: { country: string; state: string; postalCode: string }) {
  const resolver = zodResolver(createBillingProfileSchema()) as unknown as Resolver<Values>;
  const form = useForm<Values>({
    defaultValues: {
      firstName: 'Ana',
      lastName: 'Silva',
      email: 'ana@example.com',
      companyName: 'Acme',
      // Spanish (United States): a culture Germany does not have.
      culture: 'es-US',
      defaultAddress: {
        ...emptyAddress(props.country),
        addressLine1: '1 Main Street',
        city: 'Springfield',
        state: props.state,
        postalCode: props.postalCode,
      },
    },
    mode: 'onTouched',
    resolver,
  });
  const country = useWatch({ control: form.control, name: 'defaultAddress.country' });
  return (
    <FluentProvider theme={webLightTheme}>
      <CultureFields
        formId="t"
        control={form.control}
        name="culture"
        country={country}
        partnerCenterRules={undefined}
      />
      <AddressBlock
        formId="t"
        control={form.control}
        prefix="defaultAddress"
        legend="Default address"
        rules={addressRules(country)}
        partnerCenterRules={undefined}
        countryField={
          <CountryField
            formId="t"
            control={form.control}
            name="defaultAddress.country"
            onCountryChange={(next) => {
              const kept = valuesForCountry(
                {
                  state: form.getValues('defaultAddress.state'),
                  culture: form.getValues('culture'),
                },
                next,
              );
              form.setValue('defaultAddress.state', kept.state);
              form.setValue('culture', kept.culture ?? '');
            }}
          />
        }
      />
    </FluentProvider>
  );
}

/** Types part of a name into a Fluent combobox, opens its list and picks the option. */
async function choose(combobox: HTMLElement, typed: string, option: string) {
  fireEvent.change(combobox, { target: { value: typed } });
  fireEvent.keyDown(combobox, { key: 'ArrowDown' });
  fireEvent.click(await screen.findByRole('option', { name: option }));
}

describe('changing the country', () => {
  it('re-lays the block for the new country and keeps what still fits', async () => {
    render(<MovingHarness country="US" state="CA" postalCode="95014" />);
    expect(labelsInOrder().slice(0, 7)).toEqual([
      'Country',
      'Address line 1',
      'Address line 2',
      'Address line 3',
      'City',
      'State',
      'ZIP code',
    ]);
    const country = address().getByRole('combobox', { name: /Country/ });
    await choose(country, 'Germ', 'Germany');
    await waitFor(() =>
      expect(labelsInOrder().slice(0, 6)).toEqual([
        'Country',
        'Address line 1',
        'Address line 2',
        'Address line 3',
        'Postal code',
        'City',
      ]),
    );
    // The street, city and postal code stay; the American state goes; the culture follows.
    expect(address().getByRole('textbox', { name: 'Address line 1' })).toHaveProperty(
      'value',
      '1 Main Street',
    );
    expect(address().getByRole('textbox', { name: /City/ })).toHaveProperty('value', 'Springfield');
    expect(address().getByRole('textbox', { name: /Postal code/ })).toHaveProperty(
      'value',
      '95014',
    );
    expect(address().queryByRole('combobox', { name: /State/ })).toBeNull();
    expect(screen.getByRole('combobox', { name: /Culture/ })).toHaveProperty('value', 'de-DE');
    // Not in Germany, but in Poland (one of the 24), the phone becomes required.
    await choose(country, 'Pol', 'Poland');
    await waitFor(() =>
      expect(
        address()
          .getByRole('textbox', { name: /Phone number/ })
          .hasAttribute('required'),
      ).toBe(true),
    );
  });
});
