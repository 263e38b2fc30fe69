import {
  EventType,
  InteractionType,
  PublicClientApplication,
  type AccountInfo,
  type AuthenticationResult,
  type Configuration,
  type EventMessage,
} from '@azure/msal-browser';
import type { RuntimeConfig } from '@/config/runtime-config';
import { activeAccount } from './active-account';

const REDIRECT_BRIDGE_PATH = '/redirect.html';
const SIGN_IN_PATH = '/sign-in';

export function msalConfiguration(config: RuntimeConfig, origin: string): Configuration {
  return {
    auth: {
      clientId: config.auth.clientId,
      authority: config.auth.authority,
      // Only for the local sign-in: listing login.microsoftonline.com here changes MSAL's cache keys.
      knownAuthorities: config.auth.knownAuthorities,
      // Spares the start-up a round trip for the authority's OpenID configuration: MSAL carries
      // Microsoft's clouds' own, the host hands over the local sign-in's.
      ...(config.auth.authorityMetadata
        ? { authorityMetadata: config.auth.authorityMetadata }
        : {}),
      redirectUri: `${origin}${REDIRECT_BRIDGE_PATH}`,
      postLogoutRedirectUri: `${origin}${SIGN_IN_PATH}`,
    },
    // localStorage: a new tab (a customer opened with Ctrl+click) shares the session.
    cache: { cacheLocation: 'localStorage' },
  };
}

function sameAccount(a: AccountInfo, b: AccountInfo | null): boolean {
  return (
    a.homeAccountId === b?.homeAccountId &&
    a.localAccountId === b.localAccountId &&
    a.tenantId === b.tenantId
  );
}

export interface MsalStartup {
  msal: PublicClientApplication;
  /** A sign-in that came back with an error (cancelled, refused); the sign-in page shows it. */
  redirectError: Error | undefined;
}

export async function startMsal(config: RuntimeConfig, origin: string): Promise<MsalStartup> {
  const msal = new PublicClientApplication(msalConfiguration(config, origin));
  await msal.initialize();
  msal.addEventCallback((event: EventMessage) => {
    if (
      (event.eventType === EventType.LOGIN_SUCCESS ||
        event.eventType === EventType.ACQUIRE_TOKEN_SUCCESS) &&
      event.payload
    ) {
      const result = event.payload as AuthenticationResult;
      // A silent token call's only when it changes the account: every Partner Center request
      // ends here, and setting the account writes localStorage and tells every tab.
      const silent = event.interactionType === InteractionType.Silent;
      if (result.account && !(silent && sameAccount(result.account, activeAccount(msal))))
        msal.setActiveAccount(result.account);
    }
  });
  let redirectError: Error | undefined;
  try {
    const result = await msal.handleRedirectPromise();
    if (result?.account) msal.setActiveAccount(result.account);
  } catch (error) {
    redirectError = error instanceof Error ? error : new Error(String(error));
  }
  if (!msal.getActiveAccount()) {
    const [first] = msal.getAllAccounts();
    if (first) msal.setActiveAccount(first);
  }
  return { msal, redirectError };
}
