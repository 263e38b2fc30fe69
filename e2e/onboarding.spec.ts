import Database from 'better-sqlite3';
import type { Locator, Page } from '@playwright/test';
import { emulator } from './emulator-control';
import { expect, expectNoAxeViolations, signIn, test, type LocalUserName } from './fixtures';
import { contosoTenantId, fabrikamTenantId, hosts, tailspinTenantId } from './hosts';

interface CreatedRow {
  id: string;
  partnerId: string;
  companyName: string;
  registrationNumber: string | null;
  associatedPartnerId: string | null;
  enableGdap: number;
  billing: {
    email: string;
    culture: string;
    language: string;
    defaultAddress: Record<string, string | undefined>;
  };
}

/** The customers Partner Center holds under a domain: what a create must have made, once. */
function customersWithDomain(domain: string): CreatedRow[] {
  const db = new Database(hosts.main.database, { readonly: true, fileMustExist: true });
  try {
    const rows = db
      .prepare(
        `SELECT id, partner_id, company_name, registration_number, associated_partner_id,
                enable_gdap_by_default, billing FROM customers WHERE domain = ?`,
      )
      .all(domain) as {
      id: string;
      partner_id: string;
      company_name: string;
      registration_number: string | null;
      associated_partner_id: string | null;
      enable_gdap_by_default: number;
      billing: string;
    }[];
    return rows.map((row) => ({
      id: row.id,
      partnerId: row.partner_id,
      companyName: row.company_name,
      registrationNumber: row.registration_number,
      associatedPartnerId: row.associated_partner_id,
      enableGdap: row.enable_gdap_by_default,
      billing: JSON.parse(row.billing) as CreatedRow['billing'],
    }));
  } finally {
    db.close();
  }
}

function agreementsOf(customerId: string): { templateId: string; dateAgreed: string }[] {
  const db = new Database(hosts.main.database, { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare(
        'SELECT template_id AS templateId, date_agreed AS dateAgreed FROM agreements WHERE customer_id = ?',
      )
      .all(customerId) as { templateId: string; dateAgreed: string }[];
  } finally {
    db.close();
  }
}

function seededDomain(tenantId: string): string {
  const db = new Database(hosts.main.database, { readonly: true, fileMustExist: true });
  try {
    const row = db
      .prepare('SELECT domain FROM customers WHERE partner_id = ? ORDER BY seq LIMIT 1')
      .get(tenantId) as { domain: string };
    return row.domain;
  } finally {
    db.close();
  }
}

/** A domain prefix no run has used: the hosts keep their data between repeated runs. */
function freshPrefix(label: string): string {
  return `${label}${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`.slice(0, 27);
}

const stepHeading = (page: Page, title: string) =>
  page.getByRole('heading', { level: 2, name: new RegExp(`^Step \\d of \\d: ${title}$`) });
const next = (page: Page) => page.getByRole('button', { name: 'Next' });

interface NewCustomer {
  reseller?: RegExp;
  country: string;
  companyName: string;
  registrationNumber?: string;
  prefix: string;
  firstName: string;
  lastName: string;
  email: string;
  /** Address fields by their label in the country, in the form's order. */
  address: [label: string, value: string][];
  phone?: string;
}

/** A text field, a native select or a suggestion box: whichever the country's field is. */
async function fillField(field: Locator, value: string) {
  // A string: e2e is typed without the DOM's types.
  const tag = await field.evaluate(
    (element) => (element as unknown as { nodeName: string }).nodeName,
  );
  if (tag === 'SELECT') await field.selectOption(value);
  else await field.fill(value);
}

async function chooseCountry(page: Page, name: string) {
  const country = page.getByRole('combobox', { name: 'Country' });
  await country.click();
  await country.fill(name);
  await page.getByRole('option', { name, exact: true }).click();
  await expect(country).toHaveValue(name);
}

/** Resolves once the onboarding draft in this page's IndexedDB holds `text`. */
async function draftHolds(page: Page, text: string) {
  await expect
    .poll(() =>
      page.evaluate<string>(`new Promise((resolve, reject) => {
        const open = indexedDB.open('partner-customers-portal-drafts');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const read = open.result.transaction('drafts').objectStore('drafts').getAll();
          read.onsuccess = () => resolve(JSON.stringify(read.result));
        };
      })`),
    )
    .toContain(text);
}

async function checkAxe(page: Page, axe: boolean) {
  if (!axe) return;
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expectNoAxeViolations(page);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

async function startOnboarding(page: Page, user: LocalUserName) {
  await signIn(page, user, '/customers/new');
  await page.getByRole('button', { name: 'Onboard a new customer' }).click();
}

/** Walks every step with `customer`'s values, up to the review. */
async function fillSteps(page: Page, customer: NewCustomer, options: { axe?: boolean } = {}) {
  const axe = options.axe ?? false;
  if (customer.reseller) {
    await expect(stepHeading(page, 'Reseller')).toBeVisible();
    await checkAxe(page, axe);
    await page.getByRole('radio', { name: customer.reseller }).check();
    await next(page).click();
  }
  await expect(stepHeading(page, 'Company')).toBeVisible();
  await chooseCountry(page, customer.country);
  await page.getByRole('textbox', { name: 'Legal company name' }).fill(customer.companyName);
  if (customer.registrationNumber) {
    await page
      .getByRole('textbox', { name: /^Organization registration number/ })
      .fill(customer.registrationNumber);
  }
  await checkAxe(page, axe);
  await next(page).click();

  await expect(stepHeading(page, 'Domain')).toBeVisible();
  await page.getByRole('textbox', { name: 'Domain prefix' }).fill(customer.prefix);
  await expect(page.getByTestId('domain-status')).toHaveAttribute('data-state', 'available');
  await checkAxe(page, axe);
  await next(page).click();

  await expect(stepHeading(page, 'Billing contact')).toBeVisible();
  const contact = page.getByRole('group', { name: 'Billing contact' });
  await contact.getByRole('textbox', { name: 'First name' }).fill(customer.firstName);
  await contact.getByRole('textbox', { name: 'Last name' }).fill(customer.lastName);
  await contact.getByRole('textbox', { name: 'Email' }).fill(customer.email);
  const address = page.getByRole('group', { name: 'Company address' });
  for (const [label, value] of customer.address) {
    // Not exact: a required field's label ends in its mark, "Address line 1 *".
    await fillField(address.getByLabel(label), value);
  }
  if (customer.phone) {
    await address.getByRole('textbox', { name: 'Phone number' }).fill(customer.phone);
  }
  await checkAxe(page, axe);
  await next(page).click();

  await expect(stepHeading(page, 'Preferences and access')).toBeVisible();
  await checkAxe(page, axe);
  await next(page).click();

  await expect(stepHeading(page, 'Customer Agreement')).toBeVisible();
  await page
    .getByRole('checkbox', { name: 'The customer has accepted the Microsoft Customer Agreement' })
    .check();
  await page.getByLabel('Date the customer accepted it').fill('2026-11-30');
  await checkAxe(page, axe);
  await next(page).click();
  await expect(stepHeading(page, 'Review')).toBeVisible();
}

/** Every persisted store of the page as one text: IndexedDB, both Web Storages, the URL. */
function persistedText(page: Page): Promise<string> {
  return page.evaluate<string>(`(async () => {
    const parts = [location.href, JSON.stringify({ ...localStorage }), JSON.stringify({ ...sessionStorage })];
    for (const info of await indexedDB.databases()) {
      const db = await new Promise((resolve, reject) => {
        const open = indexedDB.open(info.name);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      for (const name of db.objectStoreNames) {
        const all = await new Promise((resolve, reject) => {
          const read = db.transaction(name).objectStore(name).getAll();
          read.onsuccess = () => resolve(read.result);
          read.onerror = () => reject(read.error);
        });
        parts.push(JSON.stringify(all));
      }
      db.close();
    }
    return parts.join('\\n');
  })()`);
}

test.describe('onboarding a new customer', () => {
  test('for a reseller in Poland, with its NIP: created once, agreement attested, credentials shown once', async ({
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const prefix = freshPrefix('kowalski');
    const domain = `${prefix}.onmicrosoft.com`;
    const consoleTexts: string[] = [];
    page.on('console', (message) => consoleTexts.push(message.text()));
    const creates: string[] = [];
    page.on('request', (sent) => {
      if (sent.method() === 'POST' && new URL(sent.url()).pathname === '/v1/customers') {
        creates.push(sent.headers()['ms-requestid'] ?? '');
      }
    });
    await startOnboarding(page, 'Adele Vance');
    // An indirect provider must say who the customer buys through: no default, no omission.
    await expect(stepHeading(page, 'Reseller')).toBeVisible();
    await next(page).click();
    await expect(page.getByTestId('error-summary')).toContainText(
      'Choose the reseller this customer buys through',
    );
    await checkAxe(page, true);
    await fillSteps(
      page,
      {
        reseller: /Fabrikam Reseller/,
        country: 'Poland',
        companyName: 'Kowalski i Syn sp. z o.o.',
        registrationNumber: '856-734-62-15',
        prefix,
        firstName: 'Jan',
        lastName: 'Kowalski',
        email: 'jan.kowalski@kowalski.example.pl',
        address: [
          ['Address line 1', 'plac Bankowy 3/5'],
          ['Postal code', '00-950'],
          ['City', 'Warszawa'],
        ],
        phone: '+48 22 123 45 67',
      },
      { axe: true },
    );

    const review = page.getByRole('region', { name: 'Company' });
    await expect(review).toContainText('8567346215');
    await expect(page.getByRole('region', { name: 'Domain' })).toContainText(domain);
    await expect(page.getByRole('region', { name: 'Preferences and access' })).toContainText(
      'pl-PL',
    );
    await expect(
      page.getByRole('region', { name: 'Domain' }).getByTestId('domain-status'),
    ).toHaveAttribute('data-state', 'available');
    await checkAxe(page, true);
    await page.getByRole('button', { name: 'Create customer' }).click();

    const credentials = page.getByTestId('credentials');
    await expect(credentials).toBeVisible();
    await expect(page.getByTestId('step-agreement')).toHaveAttribute('data-state', 'done');
    await expect(page.getByTestId('step-listed')).toHaveAttribute('data-state', 'done');
    await checkAxe(page, true);

    const [created] = customersWithDomain(domain);
    expect(customersWithDomain(domain)).toHaveLength(1);
    expect(created).toMatchObject({
      partnerId: contosoTenantId,
      companyName: 'Kowalski i Syn sp. z o.o.',
      registrationNumber: '8567346215',
      associatedPartnerId: fabrikamTenantId,
      enableGdap: 1,
      billing: {
        email: 'jan.kowalski@kowalski.example.pl',
        culture: 'pl-PL',
        language: 'pl',
        defaultAddress: { country: 'PL', city: 'Warszawa', postalCode: '00-950' },
      },
    });
    expect(new Set(creates).size).toBe(1);
    expect(agreementsOf(created!.id)).toEqual([
      expect.objectContaining({ dateAgreed: '2026-11-30T12:00:00.000Z' }),
    ]);

    // Masked until revealed; copied both at once; never kept anywhere but on this page.
    const password = credentials.getByTestId('password');
    await expect(password).toHaveAttribute('type', 'password');
    await credentials.getByRole('button', { name: 'Show password' }).click();
    await expect(password).toHaveAttribute('type', 'text');
    const secret = await password.inputValue();
    expect(secret.length).toBeGreaterThan(8);
    await credentials.getByRole('button', { name: 'Copy both' }).click();
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(
      `User name: admin@${domain}\nPassword: ${secret}`,
    );
    expect(await persistedText(page)).not.toContain(secret);
    expect(consoleTexts.join('\n')).not.toContain(secret);

    // Leaving asks first; staying keeps them; leaving drops them for good.
    const draftUrl = page.url();
    await page.getByRole('link', { name: 'Customers', exact: true }).click();
    const ask = page.getByRole('alertdialog', { name: 'Have you saved the credentials?' });
    await expect(ask).toBeVisible();
    await ask.getByRole('button', { name: 'Stay on this page' }).click();
    await expect(credentials).toBeVisible();
    await page.getByRole('link', { name: 'Customers', exact: true }).click();
    await ask.getByRole('button', { name: 'Leave without them' }).click();
    await expect(page).toHaveURL(/\/customers$/);
    // The new customer is in the list at once, without a new crawl.
    await page.getByRole('searchbox', { name: 'Search customers' }).fill(prefix);
    await expect(page.getByRole('row', { name: /Kowalski i Syn/ })).toBeVisible();
    await page.goto(draftUrl);
    await expect(page.getByTestId('draft-gone')).toBeVisible();
    await expect(page.getByTestId('credentials')).toHaveCount(0);
    expect(await page.content()).not.toContain(secret);
    expect(await persistedText(page)).not.toContain(secret);
  });

  for (const customer of [
    {
      label: 'Brazil (CNPJ)',
      country: 'Brazil',
      companyName: 'Padaria Pão Quente Ltda',
      registrationNumber: '16.727.230/0001-97',
      normalized: '16727230000197',
      address: [
        ['Address line 1', 'Avenida Paulista 1578'],
        ['City', 'São Paulo'],
        ['State', 'SP'],
        ['Postal code', '01310-200'],
      ] as [string, string][],
      phone: '+55 11 3003-1234',
      culture: 'pt-BR',
    },
    {
      label: 'India (GSTIN)',
      country: 'India',
      companyName: 'Sharma Textiles Private Limited',
      registrationNumber: '27AAPFU0939F1ZV',
      normalized: '27AAPFU0939F1ZV',
      address: [
        ['Address line 1', '45 MG Road'],
        ['City', 'Bengaluru'],
        ['PIN code', '560001'],
        ['State', 'Karnataka'],
      ] as [string, string][],
      phone: '+91 80 2222 3333',
      culture: 'en-IN',
    },
    {
      label: 'the United States (no registration number, a hostile name kept as text)',
      country: 'United States',
      companyName: '<img src=x onerror=alert(1)> Lakeside "Dental" & Partners LLC',
      registrationNumber: undefined,
      normalized: null,
      address: [
        ['Address line 1', '1 Microsoft Way'],
        ['City', 'Redmond'],
        ['State', 'WA'],
        ['ZIP code', '98052'],
      ] as [string, string][],
      phone: undefined,
      culture: 'en-US',
    },
  ]) {
    test(`a direct customer in ${customer.label}, checked in Partner Center`, async ({ page }) => {
      const prefix = freshPrefix(customer.country.slice(0, 6).toLowerCase().replace(/\W/g, ''));
      await startOnboarding(page, 'Alex Wilber');
      await fillSteps(page, {
        reseller: /My own direct customer/,
        country: customer.country,
        companyName: customer.companyName,
        registrationNumber: customer.registrationNumber,
        prefix,
        firstName: 'Ana',
        lastName: 'Lima',
        email: 'ana.lima@customer.example.com',
        address: customer.address,
        phone: customer.phone,
      });
      await expect(page.getByRole('region', { name: 'Company' })).toContainText(
        customer.companyName,
      );
      // A double click is one Create.
      await page.getByRole('button', { name: 'Create customer' }).dblclick();
      await expect(page.getByTestId('credentials')).toBeVisible();
      await expect(
        page.getByRole('heading', { level: 2, name: /is a Microsoft customer now$/ }),
      ).toHaveText(`${customer.companyName} is a Microsoft customer now`);
      await expect(page.locator('img[src="x"]')).toHaveCount(0);
      const rows = customersWithDomain(`${prefix}.onmicrosoft.com`);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        companyName: customer.companyName,
        registrationNumber: customer.normalized,
        associatedPartnerId: null,
        billing: { culture: customer.culture },
      });
    });
  }

  test('a wrong check digit is refused as it is typed, and nothing is sent', async ({ page }) => {
    const sent: string[] = [];
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (request.method() === 'POST' && path.startsWith('/v1/')) sent.push(path);
    });
    await startOnboarding(page, 'Adele Vance');
    await page.getByRole('radio', { name: /My own direct customer/ }).check();
    await next(page).click();
    await chooseCountry(page, 'Poland');
    const number = page.getByRole('textbox', { name: /^Organization registration number/ });
    await number.fill('856-734-62-16');
    // While the field still has focus: checked as typed, not when left.
    await expect(number).toBeFocused();
    await expect(page.getByText(/the check digit does not match/)).toBeVisible();
    await next(page).click();
    await expect(stepHeading(page, 'Company')).toBeVisible();
    await expect(page.getByTestId('error-summary')).toContainText('check digit');
    await number.fill('856-734-62-15');
    await expect(page.getByText('Will be sent as')).toContainText('8567346215');
    expect(sent).toEqual([]);
  });

  test('a domain that is taken shows as taken, and Next stays', async ({ page }) => {
    const taken = seededDomain(contosoTenantId).replace('.onmicrosoft.com', '');
    await startOnboarding(page, 'Adele Vance');
    await page.getByRole('radio', { name: /My own direct customer/ }).check();
    await next(page).click();
    await page.getByRole('textbox', { name: 'Legal company name' }).fill('Northwind Traders Inc');
    await next(page).click();
    const prefixBox = page.getByRole('textbox', { name: 'Domain prefix' });
    // Suggested from the company name.
    await expect(prefixBox).toHaveValue('northwindtraders');
    await prefixBox.fill(taken);
    const status = page.getByTestId('domain-status');
    await expect(status).toHaveAttribute('data-state', 'taken');
    await expect(status).toContainText(`${taken}.onmicrosoft.com is already taken`);
    await next(page).click();
    // Refused on the field itself, and the step stays.
    await expect(prefixBox).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('error-summary')).toContainText(
      `${taken}.onmicrosoft.com is already taken: choose another name.`,
    );
    await expect(page).toHaveURL(/step=domain/);
  });

  test('a reload on every step keeps every value, and the draft can be resumed from the start', async ({
    page,
  }) => {
    const prefix = freshPrefix('reload');
    await startOnboarding(page, 'Alex Wilber');
    const heading = stepHeading;
    await page.getByRole('radio', { name: /My own direct customer/ }).check();
    await next(page).click();
    await draftHolds(page, '"reached":"company"');
    await page.reload();
    await expect(heading(page, 'Company')).toBeVisible();
    await page.getByRole('textbox', { name: 'Legal company name' }).fill('Reload Résistant GmbH');
    await draftHolds(page, 'Reload Résistant GmbH');
    await page.reload();
    await expect(page.getByRole('textbox', { name: 'Legal company name' })).toHaveValue(
      'Reload Résistant GmbH',
    );
    await next(page).click();
    await page.getByRole('textbox', { name: 'Domain prefix' }).fill(prefix);
    await draftHolds(page, prefix);
    await page.reload();
    await expect(page.getByRole('textbox', { name: 'Domain prefix' })).toHaveValue(prefix);
    await expect(stepHeading(page, 'Domain')).toBeVisible();
    await next(page).click();

    await expect(stepHeading(page, 'Billing contact')).toBeVisible();
    const contact = page.getByRole('group', { name: 'Billing contact' });
    await contact.getByRole('textbox', { name: 'First name' }).fill('Rita');
    await contact.getByRole('textbox', { name: 'Last name' }).fill('Reload');
    await contact.getByRole('textbox', { name: 'Email' }).fill('rita@reload.example.com');
    const address = page.getByRole('group', { name: 'Company address' });
    for (const [label, value] of [
      ['Address line 1', '1 Microsoft Way'],
      ['City', 'Redmond'],
      ['State', 'WA'],
      ['ZIP code', '98052'],
    ] as const) {
      await fillField(address.getByLabel(label), value);
    }
    // The last value filled: the write that holds it holds every value before it too.
    await draftHolds(page, '98052');
    await page.reload();
    await expect(contact.getByRole('textbox', { name: 'Email' })).toHaveValue(
      'rita@reload.example.com',
    );
    await expect(address.getByLabel('City')).toHaveValue('Redmond');
    await next(page).click();

    await expect(stepHeading(page, 'Preferences and access')).toBeVisible();
    await page.getByRole('checkbox', { name: 'Set up default GDAP access' }).uncheck();
    await draftHolds(page, '"enableGDAPByDefault":"false"');
    await page.reload();
    await expect(
      page.getByRole('checkbox', { name: 'Set up default GDAP access' }),
    ).not.toBeChecked();
    await next(page).click();

    await expect(stepHeading(page, 'Customer Agreement')).toBeVisible();
    await page
      .getByRole('checkbox', { name: 'The customer has accepted the Microsoft Customer Agreement' })
      .check();
    await page.getByLabel('Date the customer accepted it').fill('2026-11-29');
    await draftHolds(page, '2026-11-29');
    await page.reload();
    await expect(page.getByLabel('Date the customer accepted it')).toHaveValue('2026-11-29');
    await next(page).click();

    await expect(stepHeading(page, 'Review')).toBeVisible();
    await draftHolds(page, '"reached":"review"');
    await page.reload();
    await expect(stepHeading(page, 'Review')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Preferences and access' })).toContainText(
      'Default GDAP accessNo',
    );
    // Every step before is still there, and done.
    await page
      .getByRole('navigation', { name: 'Onboarding steps' })
      .getByRole('button', { name: /Reseller/ })
      .click();
    await expect(page.getByRole('radio', { name: /My own direct customer/ })).toBeChecked();

    // The start page lists the unfinished draft; Resume goes back where it was.
    await page.goto('/customers/new');
    const draft = page.getByTestId('onboarding-draft').filter({ hasText: 'Reload Résistant GmbH' });
    await expect(draft).toContainText('at Review');
    await draft.getByRole('button', { name: 'Resume' }).click();
    await expect(stepHeading(page, 'Review')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Domain' })).toContainText(prefix);
    await page.getByRole('button', { name: 'Discard draft' }).click();
    await page
      .getByRole('alertdialog', { name: 'Discard this onboarding?' })
      .getByRole('button', { name: 'Discard' })
      .click();
    await expect(page.getByRole('button', { name: 'Onboard a new customer' })).toBeVisible();
    await expect(
      page.getByTestId('onboarding-draft').filter({ hasText: 'Reload Résistant GmbH' }),
    ).toHaveCount(0);
  });

  test('a Helpdesk agent is told who can onboard', async ({ page }) => {
    await signIn(page, 'Megan Bowen', '/customers/new');
    await expect(page.getByTestId('onboarding-refused')).toHaveText(
      'Your partner role does not let you add customers. Admin agents and Sales agents can onboard new customers.',
    );
    await expect(page.getByRole('button', { name: 'Onboard a new customer' })).toHaveCount(0);
    await expectNoAxeViolations(page);
  });

  test('an existing Microsoft customer gets the relationship request link, for the partner or a reseller', async ({
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await signIn(page, 'Adele Vance', '/customers/new');
    await page.getByRole('button', { name: 'Get the request link' }).click();
    const link = page.getByTestId('relationship-link');
    await expect(link).toHaveValue(new RegExp(`partnerId=${contosoTenantId}`));
    await page.getByRole('button', { name: 'Copy link' }).click();
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(await link.inputValue());
    await expect(page.getByRole('textbox', { name: 'Email to send' })).toHaveValue(
      /Contoso Partners would like to become your Microsoft Cloud Solution Provider/,
    );
    await page
      .getByRole('combobox', { name: 'On behalf of' })
      .selectOption({ label: 'Fabrikam Reseller' });
    await expect(link).toHaveValue(new RegExp(`indirectCSPId=${contosoTenantId}`));
    await expect(page.getByRole('textbox', { name: 'Email to send' })).toHaveValue(
      /Fabrikam Reseller would like to become/,
    );
    await expectNoAxeViolations(page);
  });
});

test.describe('creating exactly once through failures', () => {
  // Tailspin's own faults, one test at a time: no other test creates for Tailspin.
  test.describe.configure({ mode: 'serial' });
  const clearFaults = () => emulator('DELETE', `faults?tenantId=${tailspinTenantId}`);
  test.afterEach(clearFaults);

  const tailspinCustomer = (prefix: string): NewCustomer => ({
    country: 'Germany',
    companyName: 'Bäckerei Müller GmbH',
    prefix,
    firstName: 'Lena',
    lastName: 'Müller',
    email: 'lena@baeckerei-mueller.example.de',
    address: [
      ['Address line 1', 'Unter den Linden 77'],
      ['Postal code', '10117'],
      ['City', 'Berlin'],
    ],
  });

  async function reviewFor(page: Page, prefix: string) {
    await startOnboarding(page, 'Lidia Holloway');
    await fillSteps(page, tailspinCustomer(prefix));
  }

  function requestIdsOfCreates(page: Page): string[] {
    const ids: string[] = [];
    page.on('request', (sent) => {
      if (sent.method() === 'POST' && new URL(sent.url()).pathname === '/v1/customers') {
        ids.push(sent.headers()['ms-requestid'] ?? '');
      }
    });
    return ids;
  }

  test('a connection dropped after the commit ends in one customer', async ({ page }) => {
    const prefix = freshPrefix('dropped');
    const ids = requestIdsOfCreates(page);
    const replayed: boolean[] = [];
    page.on('response', (answer) => {
      const request = answer.request();
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/v1/customers') {
        replayed.push(answer.headers()['ms-idempotent-replay'] === 'true');
      }
    });
    await reviewFor(page, prefix);
    await emulator('POST', 'faults', { dropNextWrites: 1, tenantId: tailspinTenantId });
    await page.getByRole('button', { name: 'Create customer' }).click();
    await expect(page.getByTestId('credentials')).toBeVisible();
    expect(customersWithDomain(`${prefix}.onmicrosoft.com`)).toHaveLength(1);
    // The drop happened (the fault is spent) and the retry, the queue's or Chromium's own on a
    // reused connection, carried the same MS-RequestId: Partner Center replayed its answer.
    const faults = (await emulator('GET', 'faults')) as Record<string, { dropNextWrites: number }>;
    expect(faults[tailspinTenantId]?.dropNextWrites).toBe(0);
    // The answer the page got was Partner Center's replay of the committed create.
    expect(replayed).toEqual([true]);
    expect(new Set(ids).size).toBe(1);
  });

  test('a 503 storm fails the create with the input kept; Try again makes one customer', async ({
    page,
  }) => {
    const prefix = freshPrefix('storm');
    const ids = requestIdsOfCreates(page);
    await reviewFor(page, prefix);
    await emulator('POST', 'faults', {
      serviceUnavailableRate: 1,
      onlyMethods: ['POST'],
      tenantId: tailspinTenantId,
    });
    await page.getByRole('button', { name: 'Create customer' }).click();
    const failed = page.getByTestId('create-failed');
    await expect(failed).toContainText('Partner Center did not confirm the customer', {
      timeout: 60_000,
    });
    await expect(failed).toContainText(/Correlation id for support: [0-9a-f-]{36}/);
    expect(customersWithDomain(`${prefix}.onmicrosoft.com`)).toHaveLength(0);
    await clearFaults();
    await failed.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByTestId('credentials')).toBeVisible();
    expect(customersWithDomain(`${prefix}.onmicrosoft.com`)).toHaveLength(1);
    expect(new Set(ids).size).toBe(1);
  });

  test('a 429 storm makes Create wait, then it goes through once', async ({ page }) => {
    const prefix = freshPrefix('throttled');
    const ids = requestIdsOfCreates(page);
    await reviewFor(page, prefix);
    await emulator('POST', 'faults', {
      throttleUntilCleared: true,
      onlyMethods: ['POST'],
      throttleRetryAfterSeconds: 1,
      tenantId: tailspinTenantId,
    });
    await page.getByRole('button', { name: 'Create customer' }).click();
    await expect(page.getByText('Creating the customer…')).toBeVisible();
    await expect.poll(() => ids.length).toBeGreaterThanOrEqual(2);
    await clearFaults();
    await expect(page.getByTestId('credentials')).toBeVisible({ timeout: 30_000 });
    expect(customersWithDomain(`${prefix}.onmicrosoft.com`)).toHaveLength(1);
    expect(new Set(ids).size).toBe(1);
  });
});
