import { describe, expect, it } from 'vitest';
import { preloadPageCode } from './router';

describe('preloadPageCode', () => {
  it('starts without the router, for known and unknown addresses alike', () => {
    // Runs before the router exists: it must need nothing the router sets up.
    for (const path of ['/', '/customers', '/customers/new', '/customers/c1/billing', '/x/y'])
      expect(() => preloadPageCode(path)).not.toThrow();
  });
});
