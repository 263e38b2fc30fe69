import { describe, expect, it } from 'vitest';
import { isSafeRedirectTarget, signInSearchSchema } from './redirect-target';

describe('sign-in redirect target', () => {
  it.each(['/customers', '/customers/new', '/customers?q=contoso&sort=name', '/'])(
    'keeps the same-origin path %s',
    (target) => {
      expect(isSafeRedirectTarget(target)).toBe(true);
      expect(signInSearchSchema.parse({ redirect: target }).redirect).toBe(target);
    },
  );

  it.each([
    '//evil.example/x',
    '/\\evil.example',
    'https://evil.example/',
    'javascript:alert(1)',
    '',
  ])('drops %s', (target) => {
    expect(isSafeRedirectTarget(target)).toBe(false);
    expect(signInSearchSchema.parse({ redirect: target }).redirect).toBeUndefined();
  });
});
