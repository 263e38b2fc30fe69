import {
  InteractionRequiredAuthError,
  type AccountInfo,
  type IPublicClientApplication,
} from '@azure/msal-browser';
import { useMsal } from '@azure/msal-react';
import { useCallback } from 'react';
import type { RuntimeConfig } from '@/config/runtime-config';
import { useRuntimeConfig } from '@/config/runtime-config-context';
import { activeAccount } from './active-account';

export class SignInRequiredError extends Error {
  constructor() {
    super('You are not signed in.');
    this.name = 'SignInRequiredError';
  }
}

/**
 * A Partner Center access token: from MSAL's cache, renewed silently when it is close to expiry.
 * When only the user can fix it (session expired, consent needed), the browser goes to sign-in
 * and comes back to the page it was on; the returned promise then never settles.
 */
export async function acquireAccessToken(
  msal: IPublicClientApplication,
  config: RuntimeConfig,
  account: AccountInfo | null = activeAccount(msal),
): Promise<string> {
  if (!account) throw new SignInRequiredError();
  const request = { scopes: config.auth.scopes, account };
  try {
    const result = await msal.acquireTokenSilent(request);
    return result.accessToken;
  } catch (error) {
    if (!(error instanceof InteractionRequiredAuthError)) throw error;
    await msal.acquireTokenRedirect({ ...request, redirectStartPage: window.location.href });
    return new Promise<string>(() => {});
  }
}

/** The access token function for API calls; tokens stay in MSAL's cache between calls. */
export function useAccessToken(): () => Promise<string> {
  const { instance } = useMsal();
  const config = useRuntimeConfig();
  return useCallback(() => acquireAccessToken(instance, config), [instance, config]);
}
