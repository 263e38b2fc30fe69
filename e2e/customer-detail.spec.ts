import Database from 'better-sqlite3';
import type { Locator, Page } from '@playwright/test';
import { expect, expectNoAxeViolations, signIn, test } from './fixtures';
import { contosoTenantId, hosts } from './hosts';

interface StoredAddress {
  country: string;
  addressLine1: string;
  addressLine2?: string;
  addressLine3?: string;
  city?: string;
  state?: string;
  postalCode?: string;
  region?: string;
  district?: string;
  firstName?: string;
  middleName?: string;
  lastName?: string;
  phoneNumber?: string;
}

interface StoredCustomer {
  id: string;
  commerceId: string;
  companyName: string;
  domain: string;
  email: string | null;
  registrationNumber: string | null;
  companyAddress: StoredAddress;
  relationship: string;
  allowDelegatedAccess: boolean;
  enableGdapByDefault: boolean;
  associatedPartnerId: string | null;
  customDomains: string[];
  tags: string[];
  billing: {
    id?: string;
    firstName: string;
    lastName: string;
    email: string;
    culture: string;
    language: string;
    companyName: string;
    defaultAddress: StoredAddress;
  };
  billingEtag: string;
}

interface CustomerRow {
  id: string;
  commerce_id: string;
  company_name: string;
  domain: string;
  email: string | null;
  registration_number: string | null;
  company_address: string;
  relationship: string;
  allow_delegated_access: number;
  enable_gdap_by_default: number;
  associated_partner_id: string | null;
  custom_domains: string;
  tags: string;
  billing: string;
  billing_etag: string;
}

/** The first Contoso customer matching `where`; opened per test, as other specs may write. */
function contosoCustomer(where: string): StoredCustomer {
  const db = new Database(hosts.main.database, { readonly: true, fileMustExist: true });
  try {
    const row = db
      .prepare(`SELECT * FROM customers WHERE partner_id = ? AND (${where}) ORDER BY seq LIMIT 1`)
      .get(contosoTenantId) as CustomerRow | undefined;
    if (!row) throw new Error(`No Contoso customer where ${where}`);
    return {
      id: row.id,
      commerceId: row.commerce_id,
      companyName: row.company_name,
      domain: row.domain,
      email: row.email,
      registrationNumber: row.registration_number,
      companyAddress: JSON.parse(row.company_address) as StoredAddress,
      relationship: row.relationship,
      allowDelegatedAccess: row.allow_delegated_access === 1,
      enableGdapByDefault: row.enable_gdap_by_default === 1,
      associatedPartnerId: row.associated_partner_id,
      customDomains: JSON.parse(row.custom_domains) as string[],
      tags: JSON.parse(row.tags) as string[],
      billing: JSON.parse(row.billing) as StoredCustomer['billing'],
      billingEtag: row.billing_etag,
    };
  } finally {
    db.close();
  }
}

const relationshipLabels: Record<string, string> = {
  none: 'None',
  reseller: 'Reseller',
  advisor: 'Advisor',
  syndication: 'Syndication',
  microsoftSupport: 'Microsoft support',
  microsoft_support: 'Microsoft support',
  unknown: 'Unknown',
};

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The value (dd) of `term` in the description list labelled `list`. */
function detail(page: Page, list: string, term: string): Locator {
  return page
    .locator(`dl[aria-label="${list}"] > div`)
    .filter({ has: page.locator('dt', { hasText: new RegExp(`^${escapeRegExp(term)}$`) }) })
    .locator('dd');
}

/** An optional value: the stored text, or the dash read out as "Not set". */
async function expectValue(value: Locator, expected: string | null | undefined) {
  if (expected === null || expected === undefined || expected === '') {
    await expect(value).toHaveText('—Not set');
  } else {
    await expect(value).toHaveText(expected);
  }
}

/** What an American address calls its parts (Google's address data): the words the page uses. */
const usTerms = { city: 'City', district: 'District', state: 'State', postalCode: 'ZIP code' };

async function expectAddress(page: Page, list: string, address: StoredAddress) {
  expect(address.country).toBe('US');
  const fields: [string, string | undefined][] = [
    ['Address line 1', address.addressLine1],
    ['Address line 2', address.addressLine2],
    ['Address line 3', address.addressLine3],
    [usTerms.city, address.city],
    [usTerms.district, address.district],
    [usTerms.state, address.state],
    [usTerms.postalCode, address.postalCode],
    ['Region', address.region],
    ['First name', address.firstName],
    ['Middle name', address.middleName],
    ['Last name', address.lastName],
    ['Phone number', address.phoneNumber],
  ];
  for (const [term, value] of fields) await expectValue(detail(page, list, term), value);
  await expect(detail(page, list, 'Country')).toHaveText(
    `${regionNames.of(address.country)} (${address.country})`,
  );
}

async function openCustomer(page: Page, customer: StoredCustomer, signedIn = false) {
  if (signedIn) await page.goto(`/customers/${customer.id}`);
  else await signIn(page, 'Adele Vance', `/customers/${customer.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(customer.companyName);
  // The dedicated profile requests replace the embedded copies; wait for both to settle.
  await expect(page.getByText(/^Loading the (company|billing) profile/)).toHaveCount(0);
}

test.describe('customer detail', () => {
  test('shows every property of the customer, its company profile and its billing profile', async ({
    page,
  }) => {
    // An American customer: the address's terms are the country's own (ZIP code, State).
    const customer = contosoCustomer(
      "allow_delegated_access = 1 AND custom_domains <> '[]' AND tags <> '[]' AND json_extract(billing, '$.defaultAddress.country') = 'US'",
    );
    await openCustomer(page, customer);
    await expect(page).toHaveTitle(`${customer.companyName} · Partner Customers Portal`);
    await expect(
      page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Customers' }),
    ).toHaveAttribute('href', '/customers');

    const section = (name: string) => page.getByRole('region', { name, exact: true });
    await expect(section('Customer').getByRole('heading', { level: 2 })).toHaveText('Customer');
    await expect(section('Company profile')).toBeVisible();
    await expect(section('Billing profile')).toBeVisible();

    // Customer
    await expect(detail(page, 'Customer', 'Customer ID')).toHaveText(customer.id);
    await expect(detail(page, 'Customer', 'Commerce ID')).toHaveText(customer.commerceId);
    await expect(detail(page, 'Customer', 'Relationship to partner')).toHaveText(
      relationshipLabels[customer.relationship] ?? customer.relationship,
    );
    await expect(detail(page, 'Customer', 'Delegated admin access')).toHaveText('Yes');
    await expect(detail(page, 'Customer', 'GDAP by default')).toHaveText(
      customer.enableGdapByDefault ? 'Yes' : 'No',
    );
    await expect(detail(page, 'Customer', 'Custom domains').getByRole('listitem')).toHaveText(
      customer.customDomains,
    );
    await expect(detail(page, 'Customer', 'Tags').getByRole('listitem')).toHaveText(customer.tags);
    await expectValue(
      detail(page, 'Customer', 'Associated partner (indirect reseller)'),
      customer.associatedPartnerId,
    );
    const customerMeta = 'Customer links and attributes';
    await expect(detail(page, customerMeta, 'Self link')).toHaveText(
      `GET /customers/${customer.id}`,
    );
    await expectValue(detail(page, customerMeta, 'Next link'), undefined);
    await expectValue(detail(page, customerMeta, 'Previous link'), undefined);
    await expect(detail(page, customerMeta, 'Object type')).toHaveText('Customer');
    await expectValue(detail(page, customerMeta, 'Etag'), undefined);

    // Company profile
    await expect(detail(page, 'Company profile', 'Tenant ID')).toHaveText(customer.id);
    await expect(detail(page, 'Company profile', 'Domain')).toHaveText(customer.domain);
    await expect(detail(page, 'Company profile', 'Company name')).toHaveText(customer.companyName);
    await expectValue(detail(page, 'Company profile', 'Email'), customer.email);
    await expectValue(
      detail(page, 'Company profile', 'Organization registration number'),
      customer.registrationNumber,
    );
    await expectAddress(page, 'Company address', customer.companyAddress);
    const companyMeta = 'Company profile links and attributes';
    await expect(detail(page, companyMeta, 'Self link')).toHaveText(
      `GET /customers/${customer.id}/profiles/company`,
    );
    await expect(detail(page, companyMeta, 'Object type')).toHaveText('CustomerCompanyProfile');

    // Billing profile
    const { billing } = customer;
    await expectValue(detail(page, 'Billing profile', 'Billing profile ID'), billing.id);
    await expect(detail(page, 'Billing profile', 'First name')).toHaveText(billing.firstName);
    await expect(detail(page, 'Billing profile', 'Last name')).toHaveText(billing.lastName);
    await expect(detail(page, 'Billing profile', 'Email')).toHaveText(billing.email);
    await expect(detail(page, 'Billing profile', 'Culture')).toContainText(billing.culture);
    await expect(detail(page, 'Billing profile', 'Language')).toContainText(billing.language);
    await expect(detail(page, 'Billing profile', 'Company name')).toHaveText(billing.companyName);
    await expectAddress(page, 'Billing default address', billing.defaultAddress);
    const billingMeta = 'Billing profile links and attributes';
    await expect(detail(page, billingMeta, 'Self link')).toHaveText(
      `GET /customers/${customer.id}/profiles/billing`,
    );
    await expect(detail(page, billingMeta, 'Object type')).toHaveText('CustomerBillingProfile');
    await expect(detail(page, billingMeta, 'Etag')).toHaveText(customer.billingEtag);

    await expect(page.getByText(/^Not shown:/)).toHaveCount(0);
  });

  test('says what Partner Center withholds without delegated admin rights', async ({ page }) => {
    const customer = contosoCustomer(
      "allow_delegated_access = 0 AND json_extract(billing, '$.defaultAddress.country') = 'US'",
    );
    await openCustomer(page, customer);
    await expect(detail(page, 'Customer', 'Delegated admin access')).toHaveText('No');
    await expect(detail(page, 'Customer', 'Custom domains')).toHaveText(
      'Not shown: Partner Center shares the custom domains only with partners that have delegated admin rights for this customer.',
    );
    await expect(detail(page, 'Company profile', 'Email')).toHaveText(
      'Not shown: Partner Center shares the company email only with partners that have delegated admin rights for this customer.',
    );
    await expect(
      page
        .getByRole('region', { name: 'Company profile' })
        .getByText(
          'Not shown: Partner Center shares the company address only with partners that have delegated admin rights for this customer.',
        ),
    ).toBeVisible();
    await expect(page.locator('dl[aria-label="Company address"]')).toHaveCount(0);
    // What Partner Center does share is still all there.
    await expect(detail(page, 'Company profile', 'Domain')).toHaveText(customer.domain);
    await expect(detail(page, 'Billing profile', 'Email')).toHaveText(customer.billing.email);
    await expectAddress(page, 'Billing default address', customer.billing.defaultAddress);
  });

  test('renders a hostile company name as text, never as markup', async ({ page }) => {
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const customer = contosoCustomer("company_name LIKE '<script>%'");
    expect(customer.companyName).toContain('<script>');
    await openCustomer(page, customer);
    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading).toHaveText(customer.companyName);
    await expect(heading).toContainText('<script>alert("pwned")</script>');
    await expect(page.getByRole('heading', { level: 1, name: customer.companyName })).toBeVisible();
    await expect(detail(page, 'Company profile', 'Company name')).toHaveText(customer.companyName);
    // The name reached the DOM as text only: no element was made from its markup.
    await expect(page.locator('script', { hasText: 'pwned' })).toHaveCount(0);
    await expect(page.locator('main script')).toHaveCount(0);
    expect(dialogs).toEqual([]);
    await expect(page).toHaveTitle(`${customer.companyName} · Partner Customers Portal`);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`has no axe violations (${colorScheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await openCustomer(
        page,
        contosoCustomer("allow_delegated_access = 1 AND custom_domains <> '[]'"),
      );
      await expectNoAxeViolations(page);
      await openCustomer(page, contosoCustomer('allow_delegated_access = 0'), true);
      await expectNoAxeViolations(page);
    });
  }

  test('an unknown customer says so and leads back to the list', async ({ page }) => {
    await signIn(page, 'Adele Vance', '/customers/0b7e9c1d-2f3a-4b5c-8d6e-7f8091a2b3c4');
    const problem = page.getByText('Customer not found');
    await expect(problem).toBeVisible();
    await expect(
      page.getByText(/no relationship between the customer and your partner tenant/),
    ).toBeVisible();
    await expect(page.getByText(/Correlation id for support: [0-9a-f-]{36}/)).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Back to the customer list' }).click();
    await expect(page).toHaveURL(/\/customers$/);
  });
});
