import type { IPublicClientApplication } from '@azure/msal-browser';
import { classifyFailure, PartnerCenterClient } from '@/api/partner-center/partner-center-client';
import { RequestQueue } from '@/api/queue/request-queue';
import { createBrowserLedger } from '@/api/queue/shared-ledger';
import { acquireAccessToken } from '@/auth/access-token';
import { activeAccount } from '@/auth/active-account';
import type { RuntimeConfig } from '@/config/runtime-config';

/** Background work may hold this share of a window; the rest is kept for the user's clicks. */
const BACKGROUND_SHARE = 0.9;

/** The Partner Center client and its queue, with the tenant budget every tab of the origin shares. */
export function createPartnerCenter(msal: IPublicClientApplication, config: RuntimeConfig) {
  const { ledger, budgetShare } = createBrowserLedger();
  const limits = {
    requests: Math.max(1, Math.floor(config.rateLimit.requests * budgetShare)),
    windowMs: config.rateLimit.windowSeconds * 1000,
    backgroundShare: BACKGROUND_SHARE,
  };
  const queue = new RequestQueue({ ledger, limits: () => limits, classify: classifyFailure });
  const client = new PartnerCenterClient({
    baseUrl: config.api.baseUrl,
    getAccessToken: () => acquireAccessToken(msal, config),
    // The signed-in partner tenant (the token's tid): the budget Partner Center counts against.
    budgetKey: () => activeAccount(msal)?.tenantId ?? 'signed-out',
    queue,
    locale: navigator.language,
  });
  return { client, queue };
}
