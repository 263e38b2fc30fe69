/**
 * The hosts the browser tests run against: each a real portal host (the production build, the
 * local sign-in and the emulator over one https origin), reseeded at every start so every run
 * begins from the same data. Each gets the data its tests need and no more: on two cores, every
 * signed-in page crawls its whole tenant in the background, so a large tenant slows every test.
 */
const basePort = Number(process.env.E2E_PORT ?? 8543);

function host<T extends object>(offset: number, name: string, details: T) {
  const port = basePort + offset;
  return {
    port,
    baseURL: `https://localhost:${port}`,
    dataDir: `.data/${name}`,
    /** The emulator's database, for tests to read the truth the page must show. */
    database: `.data/${name}/emulator.sqlite`,
    ...details,
  };
}

export const hosts = {
  /** Most tests: a few thousand customers cover search, sorting, URL state, CSV and the cache. */
  main: host(0, 'e2e', { customers: 3_000 }),
  /** A small window, for the budget tests: crawling 4,000 customers needs several windows. */
  throttled: host(1, 'e2e-throttled', {
    customers: 4_000,
    // Long enough against a page's time on a slow machine that a crawl fills the window before
    // the oldest request leaves it, so the budget tests always see the crawl wait.
    rateLimit: { requests: 4, windowSeconds: 5 },
  }),
  /** The whole demo tenant, only for the test whose point is the whole list. */
  full: host(2, 'e2e-full', { customers: 25_000 }),
};

/**
 * The access tokens' lifetime on every host: the default users get. Longer than MSAL's five
 * minutes of early renewal, so a call renews its token only when a test makes it expire.
 */
export const tokenLifetimeSeconds = 600;

export const contosoTenantId = '4b5e8d2a-1c3f-4a6e-9b7d-2f8c0e1a3d5b';
export const fabrikamTenantId = '9d1c7e3b-5a2f-4c8d-8e6a-0b4f2d9c1e7a';
export const tailspinTenantId = '2c6f9a1d-7b3e-4d5a-8f0c-9e1b3d5f7a29';
