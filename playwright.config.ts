import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';
import { hosts, tokenLifetimeSeconds } from './e2e/hosts';

/** Debian's Chromium here and in CI; Playwright's own browser elsewhere. */
const executablePath =
  process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE ??
  (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

function webServer(target: (typeof hosts)[keyof typeof hosts], env: Record<string, string>) {
  return {
    command: 'npx tsx server/main.ts',
    url: `${target.baseURL}/healthz`,
    ignoreHTTPSErrors: true,
    reuseExistingServer: false,
    // Seeding 25,000 customers on a slow machine, after tsx has compiled the host.
    timeout: 120_000,
    stdout: 'ignore' as const,
    stderr: 'pipe' as const,
    env: {
      PORT: String(target.port),
      LOG_LEVEL: 'warn',
      DATA_DIR: target.dataDir,
      EMULATOR_RESET: '1',
      EMULATOR_SEED_CUSTOMERS: String(target.customers),
      LOCAL_TOKEN_LIFETIME_SECONDS: String(tokenLifetimeSeconds),
      ...env,
    },
  };
}

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // Generous for two Chromiums and three hosts on two cores; a test that needs longer (the
  // whole 25,000-customer list, the budget tests) says so itself. Nothing waits a fixed time.
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: hosts.main.baseURL,
    ignoreHTTPSErrors: true,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath,
      // Without the last three, Chromium floods the closed network with background requests.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    // The budget tests share one tenant's small window on the throttled host: one at a time,
    // even when --repeat-each makes copies of them. Listed first, so that their long serial
    // run starts at once beside the rest instead of after it.
    { name: 'budget', testMatch: 'request-budget.spec.ts', workers: 1 },
    { name: 'portal', testIgnore: 'request-budget.spec.ts' },
  ],
  webServer: [
    // The production build (npm run test:e2e builds first) served by the real host.
    webServer(hosts.main, {}),
    webServer(hosts.throttled, {
      EMULATOR_RATE_LIMIT: `${hosts.throttled.rateLimit.requests}/${hosts.throttled.rateLimit.windowSeconds}s`,
    }),
    webServer(hosts.full, {}),
  ],
});
