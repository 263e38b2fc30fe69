import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type ConsoleMessage, type Page, type Route } from '@playwright/test';

export const localUsers = {
  adele: { name: 'Adele Vance', tenant: 'Contoso Partners', role: 'Admin agent' },
  alex: { name: 'Alex Wilber', tenant: 'Contoso Partners', role: 'Sales agent' },
  megan: { name: 'Megan Bowen', tenant: 'Contoso Partners', role: 'Helpdesk agent' },
  diego: { name: 'Diego Siciliani', tenant: 'Contoso Partners', role: 'No partner role' },
  isaiah: { name: 'Isaiah Langer', tenant: 'Fabrikam Reseller', role: 'Admin agent' },
  lidia: { name: 'Lidia Holloway', tenant: 'Tailspin Partners', role: 'Admin agent' },
} as const;

export type LocalUserName = (typeof localUsers)[keyof typeof localUsers]['name'];

/**
 * Chromium logs every 4xx/5xx response as a console error. For Partner Center calls (/v1/...)
 * such an answer is the app's to handle and show, which the tests check on the page itself.
 */
function isHandledApiFailure(message: ConsoleMessage): boolean {
  return (
    message.text().startsWith('Failed to load resource') &&
    new URL(message.location().url, 'https://localhost').pathname.startsWith('/v1/')
  );
}

/** Chromium's own note of a load that failed because a test took the browser offline. */
function isOfflineLoad(message: ConsoleMessage): boolean {
  return message.text() === 'Failed to load resource: net::ERR_INTERNET_DISCONNECTED';
}

/** Every test fails on an uncaught page error or a console error, wherever it happens. */
export const test = base.extend<{ consoleProblems: string[] }>({
  consoleProblems: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() !== 'error' || isHandledApiFailure(message) || isOfflineLoad(message))
          return;
        problems.push(`console error: ${message.text()} (at ${message.location().url})`);
      });
      await use(problems);
      expect(problems, 'the page logged errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Signs in through the portal's sign-in page and the local sign-in's account picker. */
export async function signIn(page: Page, userName: LocalUserName, path = '/customers') {
  await page.goto(path);
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: userName }).click();
  await expect(page.getByTestId('user-name')).toHaveText(userName);
}

export async function expectNoAxeViolations(page: Page) {
  // Tabster's focus sentinels (`data-tabster-dummy`) are a known false positive of
  // aria-hidden-focus that Microsoft's own Accessibility Insights scanners suppress
  // (microsoft/accessibility-insights-web#7605): focus passes through them, never stays. Only
  // they are excluded; every other element still gets every rule.
  // Colours are judged once transitions end: a button that was just enabled fades from its
  // disabled grey, and axe would judge the grey. Endless animations (a busy bar) never end.
  await page.evaluate(`Promise.all(
    document
      .getAnimations()
      .filter((animation) => animation.effect?.getComputedTiming().iterations !== Infinity)
      .map((animation) => animation.finished.catch(() => undefined)),
  )`);
  const results = await new AxeBuilder({ page }).exclude('[data-tabster-dummy]').analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

/**
 * Holds every next-page request of the customer list (those that carry a continuation token)
 * until `release`, so that a test can act on a crawl that has loaded its first page only,
 * whatever this machine's speed. A request the page gave up on meanwhile is let go.
 */
export async function holdNextPages(page: Page) {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  const pattern = '**/v1/customers?*';
  const hold = async (route: Route) => {
    if (route.request().headers()['ms-continuationtoken'] !== undefined) await released;
    await route.fallback().catch(() => undefined);
  };
  await page.route(pattern, hold);
  return {
    release: async () => {
      release();
      await page.unroute(pattern, hold);
    },
  };
}
