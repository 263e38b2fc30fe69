import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addressFieldNames } from '@/forms/address-labels';
import type { FlatValues } from '@/forms/flat-values';
import {
  emptyOnboardingValues,
  flatOnboardingValues,
  onboardingValuesFromFlat,
  type OnboardingValues,
} from '@/features/onboarding/model/onboarding-values';

const NUM_RUNS = 200;

/** Text as users type and paste it: dots, Unicode, look-alikes of the ticks, nothing at all. */
const text: fc.Arbitrary<string> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('', ' ', '.', 'a.b', 'billingProfile.email', 'true', 'false', 'Łódź', '株式会社'),
);

// Plain objects, as the form holds them (fast-check also makes null-prototype ones).
const plain = { noNullPrototype: true } as const;

const address = fc.record(
  Object.fromEntries(addressFieldNames.map((name) => [name, text])) as Record<
    (typeof addressFieldNames)[number],
    fc.Arbitrary<string>
  >,
  plain,
);

const onboardingValues: fc.Arbitrary<OnboardingValues> = fc.record(
  {
    associatedPartner: text,
    companyProfile: fc.record({ domain: text, organizationRegistrationNumber: text }, plain),
    billingProfile: fc.record(
      {
        firstName: text,
        lastName: text,
        email: text,
        companyName: text,
        culture: text,
        defaultAddress: address,
      },
      plain,
    ),
    enableGDAPByDefault: fc.boolean(),
    agreement: fc.record(
      {
        accepted: fc.boolean(),
        dateAgreed: text,
        contactIsBilling: fc.boolean(),
        firstName: text,
        lastName: text,
        email: text,
        phoneNumber: text,
      },
      plain,
    ),
  },
  plain,
);

const TICKS = ['enableGDAPByDefault', 'agreement.accepted', 'agreement.contactIsBilling'];
const DEFAULT_TICKS: Readonly<Record<string, boolean>> = {
  enableGDAPByDefault: true,
  'agreement.accepted': false,
  'agreement.contactIsBilling': true,
};

const fieldPaths = Object.keys(flatOnboardingValues(emptyOnboardingValues('', '')));

function valueAt(values: OnboardingValues, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], values);
}

describe('flatOnboardingValues', () => {
  it('is a flat record of text, one entry per field', () => {
    fc.assert(
      fc.property(onboardingValues, (values) => {
        const flat = flatOnboardingValues(values);
        expect(Object.keys(flat).sort()).toEqual([...fieldPaths].sort());
        for (const value of Object.values(flat)) expect(typeof value).toBe('string');
        for (const tick of TICKS) expect(['true', 'false']).toContain(flat[tick]);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('has every field of the form, the 13 of the address among them', () => {
    expect(fieldPaths).toHaveLength(1 + 2 + 5 + addressFieldNames.length + 1 + 7);
  });
});

describe('onboardingValuesFromFlat', () => {
  it('gives back exactly the values that were flattened', () => {
    fc.assert(
      fc.property(onboardingValues, (values) => {
        expect(onboardingValuesFromFlat(flatOnboardingValues(values))).toStrictEqual(values);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('restores what a damaged draft still has, and the defaults for the rest', () => {
    const damaged = fc
      .tuple(
        onboardingValues,
        fc.subarray(fieldPaths),
        // What a tick may have become: anything but 'true' or 'false'.
        fc.dictionary(
          fc.constantFrom(...TICKS),
          fc.oneof(
            fc.constant('garbage'),
            fc.constantFrom('', 'TRUE', 'False', '1', '0', 'yes'),
            fc.string(),
          ),
        ),
      )
      .map(([values, kept, garbage]) => {
        const full = flatOnboardingValues(values);
        const flat: FlatValues = Object.fromEntries(kept.map((path) => [path, full[path] ?? '']));
        for (const [tick, value] of Object.entries(garbage)) {
          if (value !== 'true' && value !== 'false') flat[tick] = value;
        }
        return { values, flat };
      });
    fc.assert(
      fc.property(damaged, ({ values, flat }) => {
        const restored = onboardingValuesFromFlat(flat);
        for (const path of fieldPaths) {
          const kept = flat[path];
          const value = valueAt(restored, path);
          if (TICKS.includes(path)) {
            expect(value, path).toBe(
              kept === 'true' ? true : kept === 'false' ? false : DEFAULT_TICKS[path],
            );
          } else {
            expect(value, path).toBe(kept === undefined ? '' : valueAt(values, path));
          }
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('reads an empty draft as the empty form with its default ticks', () => {
    const restored = onboardingValuesFromFlat({});
    expect(restored).toStrictEqual(emptyOnboardingValues('', ''));
    expect(restored.enableGDAPByDefault).toBe(true);
    expect(restored.agreement.accepted).toBe(false);
    expect(restored.agreement.contactIsBilling).toBe(true);
  });

  it("reads 'garbage' in a tick as the tick's default", () => {
    const restored = onboardingValuesFromFlat({
      enableGDAPByDefault: 'garbage',
      'agreement.accepted': 'garbage',
      'agreement.contactIsBilling': 'garbage',
      'billingProfile.companyName': 'Fabrikam',
    });
    expect(restored.enableGDAPByDefault).toBe(true);
    expect(restored.agreement.accepted).toBe(false);
    expect(restored.agreement.contactIsBilling).toBe(true);
    expect(restored.billingProfile.companyName).toBe('Fabrikam');
  });

  it('drops fields it does not know, from another version of the form', () => {
    const restored = onboardingValuesFromFlat({
      'billingProfile.nickname': 'Fab',
      'companyProfile.tenantId': 'x',
      legacyField: 'y',
      'billingProfile.email': 'anna@fabrikam.pl',
    });
    expect(restored).toStrictEqual({
      ...emptyOnboardingValues('', ''),
      billingProfile: {
        ...emptyOnboardingValues('', '').billingProfile,
        email: 'anna@fabrikam.pl',
      },
    });
  });

  // A group key, before or after its fields, is not a field: the fields are what is kept.
  it('restores a draft whose group key comes before its fields', () => {
    const restored = onboardingValuesFromFlat({
      billingProfile: 'garbage',
      'billingProfile.companyName': 'Fabrikam',
    });
    expect(restored.billingProfile.companyName).toBe('Fabrikam');
  });

  it('never throws for drafts whose keys are the fields, longer paths or anything at all', () => {
    const keys = fc.oneof(
      fc.constantFrom(...fieldPaths),
      fc.string(),
      fc
        .array(fc.constantFrom('agreement', 'billingProfile', 'defaultAddress', 'email', 'x', ''), {
          minLength: 1,
          maxLength: 3,
        })
        .map((parts) => parts.join('.')),
    );
    fc.assert(
      fc.property(fc.dictionary(keys, fc.string()), (flat) => {
        expect(() => onboardingValuesFromFlat(flat)).not.toThrow();
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('onboardingValuesFromFlat on damaged drafts', () => {
  // A key that names a group of fields must not put a string where the group's object goes:
  // the page reads drafts while rendering, so one such draft would break it.
  it.each([
    [{ 'billingProfile.companyName': 'Fabrikam', billingProfile: 'garbage' }],
    [{ 'billingProfile.defaultAddress': 'garbage', 'billingProfile.companyName': 'Fabrikam' }],
    [{ companyProfile: '', 'billingProfile.companyName': 'Fabrikam' }],
  ])('restores a draft with a group key instead of throwing: %j', (flat: FlatValues) => {
    expect(onboardingValuesFromFlat(flat).billingProfile.companyName).toBe('Fabrikam');
  });

  // '__proto__.x' must not reach Object.prototype (prototype pollution through a draft).
  it("does not touch Object.prototype for a draft key '__proto__.polluted'", () => {
    try {
      onboardingValuesFromFlat({ '__proto__.polluted': 'yes' });
      expect(Object.prototype).not.toHaveProperty('polluted');
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    } finally {
      delete (Object.prototype as Record<string, unknown>).polluted;
    }
  });
});
