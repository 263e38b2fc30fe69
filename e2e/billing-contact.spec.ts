import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import type { Browser, Page } from '@playwright/test';
import { expect, expectNoAxeViolations, signIn, test, type LocalUserName } from './fixtures';
import { emulator, writesOf } from './emulator-control';
import { contosoTenantId, fabrikamTenantId, hosts } from './hosts';

interface StoredAddress {
  country: string;
  addressLine1: string;
  addressLine2?: string;
  city?: string;
  state?: string;
  postalCode?: string;
  firstName?: string;
  lastName?: string;
  phoneNumber?: string;
}

interface Stored {
  id: string;
  companyName: string;
  relationship: string;
  domain: string;
  billing: {
    firstName: string;
    lastName: string;
    email: string;
    companyName: string;
    defaultAddress: StoredAddress;
  };
  etag: string;
}

interface StoredRow {
  id: string;
  company_name: string;
  relationship: string;
  domain: string;
  billing: string;
  billing_etag: string;
}

function readRow(sql: string, ...params: unknown[]): Stored | undefined {
  const db = new Database(hosts.main.database, { readonly: true, fileMustExist: true });
  try {
    const row = db
      .prepare(
        `SELECT id, company_name, relationship, domain, billing, billing_etag FROM customers ${sql}`,
      )
      .get(...params) as StoredRow | undefined;
    return (
      row && {
        id: row.id,
        companyName: row.company_name,
        relationship: row.relationship,
        domain: row.domain,
        billing: JSON.parse(row.billing) as Stored['billing'],
        etag: row.billing_etag,
      }
    );
  } finally {
    db.close();
  }
}

/**
 * Contoso's customers past the first 300 (which the list and detail tests read) in windows of
 * 150, one window a test: no two tests here ever edit the same customer, whatever their filters.
 */
const SLOT_SIZE = 150;
const slots = {
  helpdeskSaves: 0,
  salesReadOnly: 1,
  noRole: 2,
  removeRelationship: 3,
  // The seed's hostile address line 2 sits at seq 1011, in this window.
  hostile: 4,
  useSuggested: 5,
  keepMine: 6,
  reloadDraft: 7,
  signOutDrafts: 8,
  forcedSignIn: 9,
  offline: 10,
  disjointMerge: 11,
  sameField: 12,
  axeDark: 13,
  axeLight: 14,
} as const;

/** The first Contoso customer in the test's own window that matches `where`. */
function contosoIn(slot: number, where: string): Stored {
  const from = 300 + slot * SLOT_SIZE;
  const found = readRow(
    `WHERE partner_id = ? AND seq > ? AND seq <= ? AND (${where}) ORDER BY seq LIMIT 1`,
    contosoTenantId,
    from,
    from + SLOT_SIZE,
  );
  if (!found) throw new Error(`No Contoso customer in slot ${slot} where ${where}`);
  return found;
}

/** Fabrikam's customers: only the serial fault tests below edit them, each its own. */
function fabrikamCustomer(offset: number): Stored {
  const found = readRow(
    'WHERE partner_id = ? ORDER BY seq LIMIT 1 OFFSET ?',
    fabrikamTenantId,
    offset,
  );
  if (!found) throw new Error(`No Fabrikam customer at ${offset}`);
  return found;
}

/** What Partner Center holds now: the truth a save must have reached. */
function stored(id: string): Stored {
  const found = readRow('WHERE id = ?', id);
  if (!found) throw new Error(`No customer ${id}`);
  return found;
}

const allLoaded = `All ${new Intl.NumberFormat('en-US').format(hosts.main.customers)} customers loaded`;

const inCountry = (country: string) =>
  `json_extract(billing, '$.defaultAddress.country') = '${country}'`;

const contact = (page: Page) => page.getByRole('group', { name: 'Billing contact' });
const address = (page: Page) => page.getByRole('group', { name: 'Default address' });
const saveButton = (page: Page) => page.getByRole('button', { name: /^Save \d+ changes?$/ });
const savedStatus = (page: Page) => page.getByTestId('save-status').getByText(/^Saved at /);

async function openEditor(page: Page, user: LocalUserName, customerId: string) {
  await signIn(page, user, `/customers/${customerId}/billing`);
  await expect(page.getByRole('heading', { level: 1, name: 'Edit billing contact' })).toBeVisible();
  await expect(contact(page).getByRole('textbox', { name: 'Company name' })).not.toHaveValue('');
}

/** The draft store's entries in this page's IndexedDB: a string, as e2e has no DOM types. */
function draftCount(page: Page): Promise<number> {
  return page.evaluate<number>(`new Promise((resolve, reject) => {
    const open = indexedDB.open('partner-customers-portal-drafts');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains('drafts')) return resolve(0);
      const counting = db.transaction('drafts').objectStore('drafts').count();
      counting.onsuccess = () => resolve(counting.result);
    };
  })`);
}

test.describe('editing a billing contact', () => {
  test('a Helpdesk agent saves exact edits, and the detail view, the list and Partner Center have them', async ({
    page,
  }) => {
    const customer = contosoIn(
      slots.helpdeskSaves,
      `${inCountry('US')} AND json_extract(billing, '$.defaultAddress.phoneNumber') IS NOT NULL`,
    );
    // The whole list first, so that it is saved in the browser; then the customer from it.
    await signIn(page, 'Megan Bowen');
    await expect(page.getByTestId('crawl-progress')).toHaveText(allLoaded, { timeout: 0 });
    await page.getByRole('searchbox', { name: 'Search customers' }).fill(customer.domain);
    await page.locator(`[data-customer-id="${customer.id}"]`).getByRole('link').click();
    await page.getByRole('link', { name: 'Edit billing contact' }).click();
    await expect(page).toHaveURL(new RegExp(`/customers/${customer.id}/billing$`));
    const companyName = contact(page).getByRole('textbox', { name: 'Company name' });
    // Shown at once from what the detail page loaded.
    await expect(companyName).toHaveValue(customer.billing.companyName);
    await expect(address(page).getByRole('textbox', { name: 'Country' })).toHaveValue(
      'United States (US)',
    );

    // A change of case alone is a change; so is clearing an optional field.
    const renamed = customer.billing.companyName.toUpperCase() + ' LLC';
    const email = `billing.${randomUUID().slice(0, 8)}@example.com`;
    await companyName.fill(renamed);
    await contact(page).getByRole('textbox', { name: 'Email' }).fill(email);
    await address(page).getByRole('textbox', { name: 'Phone number' }).fill('');
    const changes = page.getByRole('list', { name: 'Changes to save' }).getByRole('listitem');
    await expect(changes).toHaveCount(3);
    // In the form's order: the email comes before the company name.
    await expect(changes.nth(0)).toContainText(`Email:${customer.billing.email}`);
    await expect(changes.nth(1)).toContainText(`Company name:${customer.billing.companyName}`);
    await expect(changes.nth(1)).toContainText(renamed);
    await expect(changes.nth(2)).toContainText('Phone number:');
    await expect(changes.nth(2)).toContainText('empty');
    await expect(saveButton(page)).toHaveText('Save 3 changes');
    await page.keyboard.press('Control+s');
    await expect(savedStatus(page)).toBeVisible();
    await expect(page.getByRole('button', { name: 'No changes to save' })).toBeVisible();

    const after = stored(customer.id);
    expect(after.billing.companyName).toBe(renamed);
    expect(after.billing.email).toBe(email);
    expect(after.billing.defaultAddress.phoneNumber).toBeUndefined();
    expect(after.companyName).toBe(renamed);
    expect(after.etag).not.toBe(customer.etag);

    await page.getByRole('link', { name: 'Back to the customer' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(renamed);
    const billing = page.locator('dl[aria-label="Billing profile"]');
    await expect(billing.locator('div', { hasText: /^Email/ })).toContainText(email);
    await expect(
      page.locator('dl[aria-label="Billing default address"] > div', { hasText: /^Phone number/ }),
    ).toContainText('Not set');

    // The list shows the new name at once, with no new crawl, and so does its saved copy.
    const listRequests: string[] = [];
    page.on('request', (sent) => {
      if (/\/v1\/customers\?/.test(sent.url())) listRequests.push(sent.url());
    });
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Customers' })
      .click();
    await page.getByRole('searchbox', { name: 'Search customers' }).fill(renamed);
    await expect(page.locator(`[data-customer-id="${customer.id}"]`)).toContainText(renamed);
    expect(listRequests).toEqual([]);
    await page.route('**/v1/customers?*', () => {});
    await page.reload();
    await expect(page.getByTestId('cached-at')).toContainText('Showing the list saved');
    await expect(page.locator(`[data-customer-id="${customer.id}"]`)).toContainText(renamed);
  });

  test('a Sales agent sees the billing contact read-only and who may edit it', async ({ page }) => {
    const customer = contosoIn(slots.salesReadOnly, inCountry('DE'));
    await signIn(page, 'Alex Wilber', `/customers/${customer.id}`);
    await expect(
      page.getByText('Admin agents and Helpdesk agents can edit billing contacts.'),
    ).toBeVisible();
    await expect(page.getByRole('link', { name: 'Edit billing contact' })).toHaveCount(0);
    await page.goto(`/customers/${customer.id}/billing`);
    await expect(page.getByTestId('billing-read-only')).toContainText(
      'Admin agents and Helpdesk agents can edit billing contacts.',
    );
    await expect(page.getByRole('textbox')).toHaveCount(0);
    await expect(page.locator('dl[aria-label="Billing profile"]')).toContainText(
      customer.billing.email,
    );
  });

  test('a user without a partner role is refused, and told why', async ({ page }) => {
    const customer = contosoIn(slots.noRole, inCountry('DE'));
    await signIn(page, 'Diego Siciliani', `/customers/${customer.id}/billing`);
    await expect(page.getByText(/no Partner Center role/)).toBeVisible();
    await expect(page.getByRole('textbox')).toHaveCount(0);
  });

  for (const choice of ['Use suggested', 'Keep mine'] as const) {
    test(`Partner Center’s address suggestion, then “${choice}”`, async ({ page }) => {
      const customer = contosoIn(
        choice === 'Use suggested' ? slots.useSuggested : slots.keepMine,
        `${inCountry('FR')} AND json_extract(billing, '$.defaultAddress.postalCode') IS NOT NULL`,
      );
      await openEditor(page, 'Megan Bowen', customer.id);
      await address(page).getByRole('textbox', { name: 'Address line 2' }).fill('Bâtiment B');
      // A French postal code, but not the one of this city.
      await address(page).getByRole('textbox', { name: 'Postal code' }).fill('99999');
      await saveButton(page).click();
      const dialog = page.getByRole('alertdialog', {
        name: 'Partner Center suggests a correction to the address',
      });
      await expect(dialog).toBeVisible();
      const suggested = dialog.getByRole('region', { name: 'Suggested' });
      const marked = suggested.locator('mark');
      await expect(marked).toHaveCount(1);
      const suggestedPostalCode = (await marked.textContent())!;
      await expect(dialog.getByRole('region', { name: 'You typed' }).locator('mark')).toHaveText(
        '99999',
      );
      await expectNoAxeViolations(page);
      await dialog.getByRole('button', { name: choice }).click();
      await expect(savedStatus(page)).toBeVisible();
      const after = stored(customer.id).billing.defaultAddress;
      expect(after.addressLine2).toBe('Bâtiment B');
      expect(after.postalCode).toBe(choice === 'Use suggested' ? suggestedPostalCode : '99999');
    });
  }

  test('reloading mid-edit restores the draft; leaving keeps it and says so; Discard forgets it', async ({
    page,
  }) => {
    const customer = contosoIn(slots.reloadDraft, inCountry('GB'));
    await openEditor(page, 'Megan Bowen', customer.id);
    const lastName = contact(page).getByRole('textbox', { name: 'Last name' });
    await lastName.fill('Draft-Kept');
    await expect.poll(() => draftCount(page)).toBe(1);
    await page.reload();
    await expect(page.getByTestId('draft-restored')).toContainText(
      /^Restored your unsaved changes from /,
    );
    await expect(lastName).toHaveValue('Draft-Kept');

    await page.getByRole('link', { name: 'Back to the customer' }).click();
    const notice = page.getByTestId('unsaved-billing');
    await expect(notice).toContainText('You have unsaved changes to this billing contact');
    await notice.getByRole('link', { name: 'Continue editing' }).click();
    await expect(lastName).toHaveValue('Draft-Kept');
    await page.getByTestId('draft-restored').getByRole('button', { name: 'Discard' }).click();
    await expect(lastName).toHaveValue(customer.billing.lastName);
    await expect.poll(() => draftCount(page)).toBe(0);
    expect(stored(customer.id).billing.lastName).toBe(customer.billing.lastName);
  });

  test('signing out says how many drafts it deletes, then deletes them', async ({ page }) => {
    const customer = contosoIn(slots.signOutDrafts, inCountry('GB'));
    await openEditor(page, 'Megan Bowen', customer.id);
    await contact(page).getByRole('textbox', { name: 'Last name' }).fill('Never-Saved');
    await expect.poll(() => draftCount(page)).toBe(1);
    await page.getByRole('button', { name: 'Sign out' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Delete one unsaved draft?' });
    await expect(dialog).toContainText('signing out deletes them');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByTestId('user-name')).toHaveText('Megan Bowen');
    expect(await draftCount(page)).toBe(1);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await dialog.getByRole('button', { name: 'Delete and sign out' }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    expect(await draftCount(page)).toBe(0);
  });

  test('a sign-in forced mid-edit comes back to the form with the input', async ({
    page,
    context,
  }) => {
    const customer = contosoIn(slots.forcedSignIn, inCountry('GB'));
    await openEditor(page, 'Megan Bowen', customer.id);
    const firstName = contact(page).getByRole('textbox', { name: 'First name' });
    await firstName.fill('Signed-Out-Meanwhile');
    await expect.poll(() => draftCount(page)).toBe(1);
    // The session is gone (MSAL's cache and the sign-in cookie), as after a revoked token.
    await page.evaluate('localStorage.clear(); sessionStorage.clear()');
    await context.clearCookies();
    await page.reload();
    await expect(page).toHaveURL(/\/sign-in\?redirect=/);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Megan Bowen' }).click();
    await expect(page).toHaveURL(new RegExp(`/customers/${customer.id}/billing$`));
    await expect(page.getByTestId('draft-restored')).toBeVisible();
    await expect(firstName).toHaveValue('Signed-Out-Meanwhile');
  });

  test('offline, the save waits for the connection and then lands', async ({ page, context }) => {
    const customer = contosoIn(slots.offline, inCountry('DE'));
    await openEditor(page, 'Megan Bowen', customer.id);
    const email = `offline.${randomUUID().slice(0, 8)}@example.com`;
    await contact(page).getByRole('textbox', { name: 'Email' }).fill(email);
    await context.setOffline(true);
    await saveButton(page).click();
    await expect(page.getByTestId('save-waiting-online')).toContainText(
      'You are offline. Your changes are kept and will be saved when the connection is back.',
    );
    expect(stored(customer.id).billing.email).toBe(customer.billing.email);
    await context.setOffline(false);
    await expect(savedStatus(page)).toBeVisible();
    expect(stored(customer.id).billing.email).toBe(email);
  });

  test('hostile strings, loaded or typed, are kept exactly and shown as text', async ({ page }) => {
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const customer = contosoIn(
      slots.hostile,
      "json_extract(billing, '$.defaultAddress.addressLine2') LIKE '<img%'",
    );
    await openEditor(page, 'Megan Bowen', customer.id);
    await expect(address(page).getByRole('textbox', { name: 'Address line 2' })).toHaveValue(
      customer.billing.defaultAddress.addressLine2!,
    );
    const hostile = '<script>alert(1)</script> \u202EdtL\u202C =1+1 "quoted" & co';
    await contact(page).getByRole('textbox', { name: 'Company name' }).fill(hostile);
    await saveButton(page).click();
    await expect(savedStatus(page)).toBeVisible();
    expect(stored(customer.id).billing.companyName).toBe(hostile);
    await page.getByRole('link', { name: 'Back to the customer' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(hostile);
    expect(await page.locator('script:text("alert(1)")').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`the form and its errors have no axe violations (${colorScheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      const customer = contosoIn(
        colorScheme === 'light' ? slots.axeLight : slots.axeDark,
        inCountry('PL'),
      );
      await openEditor(page, 'Megan Bowen', customer.id);
      await expectNoAxeViolations(page);
      await contact(page).getByRole('textbox', { name: 'Email' }).fill('not an email');
      await address(page).getByRole('textbox', { name: 'Postal code' }).fill('0095');
      await saveButton(page).click();
      const summary = page.getByTestId('error-summary');
      await expect(summary).toContainText('Check 2 fields before saving');
      await expect(summary).toContainText('A postal code in Poland looks like 00-950.');
      // Focus went to the first field with an error.
      await expect(contact(page).getByRole('textbox', { name: 'Email' })).toBeFocused();
      await summary.getByRole('link', { name: /^Postal code:/ }).click();
      await expect(address(page).getByRole('textbox', { name: 'Postal code' })).toBeFocused();
      await expectNoAxeViolations(page);
    });
  }
});

test.describe('two people editing one billing contact', () => {
  async function editorFor(browser: Browser, user: LocalUserName, customerId: string) {
    const context = await browser.newContext({
      baseURL: hosts.main.baseURL,
      ignoreHTTPSErrors: true,
    });
    const page = await context.newPage();
    await openEditor(page, user, customerId);
    return { page, close: () => context.close() };
  }

  test('disjoint edits merge with no question, and Partner Center holds both', async ({
    browser,
  }) => {
    const customer = contosoIn(slots.disjointMerge, inCountry('DE'));
    const megan = await editorFor(browser, 'Megan Bowen', customer.id);
    const adele = await editorFor(browser, 'Adele Vance', customer.id);
    try {
      await contact(megan.page).getByRole('textbox', { name: 'First name' }).fill('Megan-Was-Here');
      await saveButton(megan.page).click();
      await expect(savedStatus(megan.page)).toBeVisible();

      const email = `adele.${randomUUID().slice(0, 8)}@example.com`;
      await contact(adele.page).getByRole('textbox', { name: 'Email' }).fill(email);
      await saveButton(adele.page).click();
      await expect(savedStatus(adele.page)).toBeVisible();
      await expect(adele.page.getByTestId('billing-conflicts')).toHaveCount(0);
      await expect(contact(adele.page).getByRole('textbox', { name: 'First name' })).toHaveValue(
        'Megan-Was-Here',
      );
      const after = stored(customer.id).billing;
      expect(after.firstName).toBe('Megan-Was-Here');
      expect(after.email).toBe(email);
    } finally {
      await megan.close();
      await adele.close();
    }
  });

  test('the same field changed by both asks which to keep, field by field', async ({ browser }) => {
    const customer = contosoIn(slots.sameField, inCountry('DE'));
    const megan = await editorFor(browser, 'Megan Bowen', customer.id);
    const adele = await editorFor(browser, 'Adele Vance', customer.id);
    try {
      await contact(megan.page).getByRole('textbox', { name: 'Company name' }).fill('Megan GmbH');
      await contact(megan.page).getByRole('textbox', { name: 'Last name' }).fill('Bowen-Edit');
      await saveButton(megan.page).click();
      await expect(savedStatus(megan.page)).toBeVisible();

      await contact(adele.page).getByRole('textbox', { name: 'Company name' }).fill('Adele AG');
      await saveButton(adele.page).click();
      const conflicts = adele.page.getByTestId('billing-conflicts');
      await expect(conflicts).toContainText('Someone else changed the same fields');
      // Megan's other change came in by itself, marked.
      await expect(contact(adele.page).getByRole('textbox', { name: 'Last name' })).toHaveValue(
        'Bowen-Edit',
      );
      await expect(
        contact(adele.page).getByText('Changed by someone else while you were editing.'),
      ).toBeVisible();
      await expectNoAxeViolations(adele.page);
      const choice = conflicts.getByRole('radiogroup', { name: 'Which Company name to keep' });
      await expect(choice.getByRole('radio', { name: 'Yours: Adele AG' })).toBeVisible();
      await expect(choice.getByRole('radio', { name: 'Current: Megan GmbH' })).toBeVisible();
      // Saving before choosing is refused with a reason.
      await saveButton(adele.page).click();
      await expect(
        adele.page.getByText(
          'Choose which value to keep for every field both of you changed, then save.',
        ),
      ).toBeVisible();
      expect(stored(customer.id).billing.companyName).toBe('Megan GmbH');

      await choice.getByRole('radio', { name: 'Yours: Adele AG' }).check();
      await saveButton(adele.page).click();
      await expect(savedStatus(adele.page)).toBeVisible();
      const after = stored(customer.id).billing;
      expect(after.companyName).toBe('Adele AG');
      expect(after.lastName).toBe('Bowen-Edit');
    } finally {
      await megan.close();
      await adele.close();
    }
  });
});

test.describe('saving through Partner Center’s bad days', () => {
  // Faults are per partner tenant and replace each other: Fabrikam's, one test at a time, and
  // only on PUT where they can be, so Fabrikam's other pages elsewhere keep working.
  test.describe.configure({ mode: 'serial' });
  const clearFaults = () => emulator('DELETE', `faults?tenantId=${fabrikamTenantId}`);
  test.afterEach(clearFaults);

  /** Every billing PUT the page sends, with its MS-RequestId. */
  function recordPuts(page: Page): string[] {
    const requestIds: string[] = [];
    page.on('request', (sent) => {
      if (sent.method() === 'PUT' && sent.url().includes('/profiles/billing')) {
        requestIds.push(sent.headers()['ms-requestid'] ?? '');
      }
    });
    return requestIds;
  }

  test('a 429 storm during the save says when it goes through, and then it does', async ({
    page,
  }) => {
    const customer = fabrikamCustomer(0);
    await openEditor(page, 'Isaiah Langer', customer.id);
    const email = `storm.${randomUUID().slice(0, 8)}@example.com`;
    await contact(page).getByRole('textbox', { name: 'Email' }).fill(email);
    await emulator('POST', 'faults', {
      throttleUntilCleared: true,
      onlyMethods: ['PUT'],
      throttleRetryAfterSeconds: 2,
      tenantId: fabrikamTenantId,
    });
    await saveButton(page).click();
    await expect(page.getByTestId('save-throttled')).toContainText(
      /^Partner Center’s limit is reached; your save goes through by itself in \d+ s\.$/,
    );
    expect(stored(customer.id).billing.email).toBe(customer.billing.email);
    // Typing goes on while the save waits: that input is kept, as a change still to save.
    const lastName = contact(page).getByRole('textbox', { name: 'Last name' });
    await lastName.fill('Typed-While-Waiting');
    await clearFaults();
    await expect.poll(() => stored(customer.id).billing.email, { timeout: 60_000 }).toBe(email);
    const changes = page.getByRole('list', { name: 'Changes to save' }).getByRole('listitem');
    await expect(changes).toHaveCount(1);
    await expect(changes).toContainText('Last name:');
    await expect(lastName).toHaveValue('Typed-While-Waiting');
    expect(stored(customer.id).billing.lastName).toBe(customer.billing.lastName);
  });

  test('a connection dropped after the commit ends in one update and no error', async ({
    page,
  }) => {
    const customer = fabrikamCustomer(1);
    await openEditor(page, 'Isaiah Langer', customer.id);
    const puts = recordPuts(page);
    const email = `dropped.${randomUUID().slice(0, 8)}@example.com`;
    await contact(page).getByRole('textbox', { name: 'Email' }).fill(email);
    const writesBefore = await writesOf(fabrikamTenantId);
    await emulator('POST', 'faults', { dropNextWrites: 1, tenantId: fabrikamTenantId });
    await saveButton(page).click();
    await expect(savedStatus(page)).toBeVisible();
    await expect(page.getByTestId('save-failed')).toHaveCount(0);
    // The connection was dropped after the commit (the fault is spent); the retry (the queue's,
    // or Chromium's own on a reused connection) carried the same MS-RequestId, so Partner Center
    // replayed its first answer instead of writing again.
    const faults = (await emulator('GET', 'faults')) as Record<string, { dropNextWrites: number }>;
    expect(faults[fabrikamTenantId]?.dropNextWrites).toBe(0);
    expect(new Set(puts).size).toBe(1);
    expect(await writesOf(fabrikamTenantId)).toBe(writesBefore + 1);
    expect(stored(customer.id).billing.email).toBe(email);
  });

  test('a save that fails keeps the input, and Try again sends it once, with the same id', async ({
    page,
  }) => {
    const customer = fabrikamCustomer(2);
    await openEditor(page, 'Isaiah Langer', customer.id);
    const puts = recordPuts(page);
    const email = `retried.${randomUUID().slice(0, 8)}@example.com`;
    const emailBox = contact(page).getByRole('textbox', { name: 'Email' });
    await emailBox.fill(email);
    await emulator('POST', 'faults', {
      serviceUnavailableRate: 1,
      onlyMethods: ['PUT'],
      tenantId: fabrikamTenantId,
    });
    await saveButton(page).click();
    const failed = page.getByTestId('save-failed');
    await expect(failed).toContainText('The billing contact was not saved', { timeout: 30_000 });
    await expect(failed).toContainText(/Correlation id for support: [0-9a-f-]{36}/);
    await expect(emailBox).toHaveValue(email);
    const writesBefore = await writesOf(fabrikamTenantId);
    await clearFaults();
    await failed.getByRole('button', { name: 'Try again' }).click();
    await expect(savedStatus(page)).toBeVisible();
    expect(await writesOf(fabrikamTenantId)).toBe(writesBefore + 1);
    expect(stored(customer.id).billing.email).toBe(email);
    expect(puts.length).toBeGreaterThan(1);
    expect(new Set(puts).size).toBe(1);
  });
});

test('an Admin agent removes a reseller relationship, and the list and detail say so at once', async ({
  page,
}) => {
  const customer = contosoIn(slots.removeRelationship, "relationship = 'reseller'");
  await signIn(page, 'Adele Vance', `/customers/${customer.id}`);
  await page.getByRole('button', { name: 'Remove reseller relationship' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Remove the reseller relationship?' });
  await expect(dialog).toContainText('your delegated admin access to its tenant ends');
  await expectNoAxeViolations(page);
  await dialog.getByRole('button', { name: 'Remove relationship' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(
    page.locator('dl[aria-label="Customer"] > div', { hasText: /^Relationship to partner/ }),
  ).toContainText('None');
  await expect(page.getByRole('button', { name: 'Remove reseller relationship' })).toHaveCount(0);
  expect(stored(customer.id).relationship).toBe('none');
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Customers' })
    .click();
  await page.getByRole('searchbox', { name: 'Search customers' }).fill(customer.domain);
  await expect(page.locator(`[data-customer-id="${customer.id}"]`)).toContainText('None');
});
