import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 8543);
export const baseURL = `https://localhost:${port}`;
const throttledPort = port + 1;
export const throttledBaseURL = `https://localhost:${throttledPort}`;
/** Small enough that two tabs crawling 4,000 customers need several windows. */
export const throttledRateLimit = '6/3s';

/** Debian's Chromium here and in CI; Playwright's own browser elsewhere. */
const executablePath =
  process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE ??
  (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

function host(hostPort: number, env: Record<string, string>) {
  return {
    command: 'npx tsx server/main.ts',
    url: `https://localhost:${hostPort}/healthz`,
    ignoreHTTPSErrors: true,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore' as const,
    stderr: 'pipe' as const,
    env: { PORT: String(hostPort), LOG_LEVEL: 'warn', ...env },
  };
}

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 30_000,
  reporter: [['list']],
  use: {
    baseURL,
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
  webServer: [
    // The production build (npm run test:e2e builds first) served by the real host.
    host(port, {
      DATA_DIR: '.data/e2e',
      // Short-lived tokens, so that silent renewal happens during the tests.
      LOCAL_TOKEN_LIFETIME_SECONDS: '120',
    }),
    // A second host whose emulator allows few requests per window, for the budget tests.
    host(throttledPort, {
      DATA_DIR: '.data/e2e-throttled',
      EMULATOR_SEED_CUSTOMERS: '4000',
      EMULATOR_RATE_LIMIT: throttledRateLimit,
    }),
  ],
});
