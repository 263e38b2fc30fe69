import type { IPublicClientApplication } from '@azure/msal-browser';

export async function signOut(msal: IPublicClientApplication, beforeSignOut?: () => void) {
  beforeSignOut?.();
  await msal.logoutRedirect({ account: msal.getActiveAccount() ?? undefined });
}
