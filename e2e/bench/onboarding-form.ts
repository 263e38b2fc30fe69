/**
 * The onboarding flow against the 100,000-customer host: a keystroke in the company name and
 * in the registration number to its paint, a change of country to the re-laid step, the last
 * letter of a domain prefix to its availability on screen, Create to the credentials, and the
 * code the route adds to the customer list's. As Tailspin Partners, whose tenant the list's
 * figures never read.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from '@playwright/test';
import { median } from './median.ts';
import { keystrokeToPaintSource, untilPaintedSource } from './until-painted.ts';

// In-page probe, as a string: the e2e project compiles without the DOM's types.
const probe = `(() => {
  const bench = (window.__onboardingBench = {});
  ${untilPaintedSource}
  const byId = (id) => document.getElementById(id);
  ${keystrokeToPaintSource}
  bench.armKeystroke = (id) => {
    bench.keystroke = keystrokeToPaint(byId(id));
  };
  bench.pickCountry = async (name, laidOut) => {
    const option = [...document.querySelectorAll('[role=option]')].find((o) => o.textContent.trim() === name);
    if (!option) throw new Error('No option ' + name);
    const started = performance.now();
    option.click();
    const painted = await untilPainted(() => Boolean(byId(laidOut)));
    return painted === undefined ? undefined : painted - started;
  };
  bench.armAvailability = () => {
    bench.availability = new Promise((resolve) => {
      document.addEventListener('keydown', async (event) => {
        const started = event.timeStamp;
        const painted = await untilPainted(
          () => document.querySelector('[data-testid=domain-status][data-state=available]'),
          15000,
        );
        resolve(painted === undefined ? undefined : painted - started);
      }, { once: true, capture: true });
    });
  };
  bench.create = async () => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Create customer');
    if (!button) throw new Error('No Create customer button');
    const started = performance.now();
    button.click();
    const painted = await untilPainted(() => document.querySelector('[data-testid=credentials]'), 30000);
    return painted === undefined ? undefined : painted - started;
  };
})();`;

const field = (name: string) => `#onboarding-${name.replace(/\./g, '-')}`;

async function typeMeasured(page: Page, name: string, text: string, into: number[]) {
  const input = page.locator(field(name));
  await input.focus();
  await page.keyboard.press('End');
  for (const letter of text) {
    await page.evaluate(
      `window.__onboardingBench.armKeystroke(${JSON.stringify(field(name).slice(1))})`,
    );
    await page.keyboard.press(letter);
    const latency = (await page.evaluate('window.__onboardingBench.keystroke')) as
      number | undefined;
    if (latency !== undefined) into.push(latency);
  }
}

async function next(page: Page, title: string) {
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('heading', { level: 2, name: new RegExp(`: ${title}$`) }).waitFor();
}

export async function measureOnboardingForm(
  browser: Browser,
  options: { root: string; baseURL: string; runs: number },
): Promise<[string, string][]> {
  const nameKeys: number[] = [];
  const numberKeys: number[] = [];
  const countryChanges: number[] = [];
  const availability: number[] = [];
  const creates: number[] = [];
  let routeGzip = 0;
  for (let run = 0; run < options.runs; run += 1) {
    const context = await browser.newContext({
      ignoreHTTPSErrors: true,
      baseURL: options.baseURL,
      viewport: { width: 1440, height: 900 },
    });
    await context.addInitScript({ content: probe });
    const page = await context.newPage();
    await page.goto('/customers');
    await page.getByRole('button', { name: 'Sign in' }).click();
    // Tailspin's Lidia: a partner with no seeded customers, so the customers created here never
    // change the 100,000 of Contoso that the list's own figures load.
    await page.getByRole('button', { name: 'Lidia Holloway' }).click();
    await page.getByRole('link', { name: 'New customer' }).waitFor();
    const before = new Set(
      (await page.evaluate(
        "performance.getEntriesByType('resource').map((entry) => entry.name)",
      )) as string[],
    );
    await page.getByRole('link', { name: 'New customer' }).click();
    await page.getByRole('button', { name: 'Onboard a new customer' }).click();
    // A direct partner: no reseller step, the company first.
    await page.getByRole('heading', { level: 2, name: /: Company$/ }).waitFor();
    if (run === 0) {
      const loaded = (await page.evaluate(
        "performance.getEntriesByType('resource').map((entry) => entry.name)",
      )) as string[];
      for (const url of new Set(loaded)) {
        if (before.has(url) || !/\/assets\/.+\.js$/.test(url)) continue;
        const file = path.join(options.root, 'dist', new URL(url).pathname);
        routeGzip += gzipSync(await readFile(file), { level: 9 }).length;
      }
    }

    await typeMeasured(page, 'billingProfile.companyName', 'Benchmark Sp', nameKeys);
    const country = page.getByRole('combobox', { name: 'Country' });
    await country.click();
    await country.fill('Poland');
    await page.getByRole('option', { name: 'Poland', exact: true }).waitFor();
    const relaid = (await page.evaluate(
      `window.__onboardingBench.pickCountry('Poland', ${JSON.stringify(field('companyProfile.organizationRegistrationNumber').slice(1))})`,
    )) as number | undefined;
    if (relaid !== undefined) countryChanges.push(relaid);
    await typeMeasured(
      page,
      'companyProfile.organizationRegistrationNumber',
      '8567346215',
      numberKeys,
    );
    await next(page, 'Domain');

    const prefix = `bench${Date.now().toString(36)}${run}`;
    const domain = page.locator(field('companyProfile.domain'));
    await domain.fill(prefix.slice(0, -1));
    await domain.focus();
    await page.keyboard.press('End');
    await page.evaluate('window.__onboardingBench.armAvailability()');
    await page.keyboard.press(prefix.at(-1) ?? '0');
    const shown = (await page.evaluate('window.__onboardingBench.availability')) as
      number | undefined;
    if (shown !== undefined) availability.push(shown);
    await next(page, 'Billing contact');

    for (const [name, value] of [
      ['billingProfile.firstName', 'Jan'],
      ['billingProfile.lastName', 'Benchmark'],
      ['billingProfile.email', 'jan@benchmark.example.pl'],
      ['billingProfile.defaultAddress.addressLine1', 'plac Bankowy 3/5'],
      ['billingProfile.defaultAddress.postalCode', '00-950'],
      ['billingProfile.defaultAddress.city', 'Warszawa'],
      ['billingProfile.defaultAddress.phoneNumber', '+48 22 123 45 67'],
    ] as const) {
      await page.locator(field(name)).fill(value);
    }
    await next(page, 'Preferences and access');
    await next(page, 'Customer Agreement');
    await page.locator(field('agreement.accepted')).check();
    await page.locator(field('agreement.dateAgreed')).fill('2026-11-30');
    await next(page, 'Review');
    const created = (await page.evaluate('window.__onboardingBench.create()')) as
      number | undefined;
    if (created === undefined) throw new Error('The customer was not created.');
    creates.push(created);
    await context.close();
  }
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  const both = (values: number[]) => `${ms(median(values))} / ${ms(Math.max(...values))}`;
  return [
    [
      `onboarding: keystroke to painted company name (median / worst of ${nameKeys.length})`,
      both(nameKeys),
    ],
    [
      `onboarding: keystroke to painted registration number, checked (median / worst of ${numberKeys.length})`,
      both(numberKeys),
    ],
    [
      `onboarding: country change to re-laid step, median of ${countryChanges.length}`,
      ms(median(countryChanges)),
    ],
    [
      `onboarding: last letter of the domain to "available" (emulator), median of ${availability.length}`,
      ms(median(availability)),
    ],
    [
      `onboarding: Create click to credentials (emulator), median of ${creates.length}`,
      ms(median(creates)),
    ],
    [
      'onboarding: route code beyond the customer list, gzip',
      `${(routeGzip / 1024).toFixed(0)} KiB`,
    ],
  ];
}
