import type { AccountInfo } from '@azure/msal-browser';
import { useMsal } from '@azure/msal-react';
import * as z from 'zod/mini';
import { may, type PartnerAction } from '@/auth/permissions';

/** Partner Center's agent groups, as the `roles` claim names them. */
const partnerRoleLabels: Record<string, string> = {
  AdminAgents: 'Admin agent',
  SalesAgents: 'Sales agent',
  HelpdeskAgents: 'Helpdesk agent',
  GlobalAdmin: 'Global admin',
};

const claimsSchema = z.looseObject({
  roles: z.optional(z.array(z.string())),
  tenant_display_name: z.optional(z.string()),
});

export interface CurrentUser {
  name: string;
  username: string;
  tenantId: string;
  tenantName: string;
  /** Human labels of the partner roles; empty when the user has none. */
  roles: string[];
  /** The `roles` claims as issued (`AdminAgents`), for `may` in permissions.ts. */
  roleClaims: string[];
}

export function describeAccount(account: AccountInfo): CurrentUser {
  const claims = claimsSchema.safeParse(account.idTokenClaims ?? {});
  const roles = claims.success ? (claims.data.roles ?? []) : [];
  const domain = account.username.split('@')[1];
  return {
    name: account.name || account.username,
    username: account.username,
    tenantId: account.tenantId,
    // Entra's id tokens do not name the tenant; the sign-in domain is the next best thing.
    tenantName:
      (claims.success ? claims.data.tenant_display_name : undefined) ?? domain ?? account.tenantId,
    roles: roles.map((role) => partnerRoleLabels[role] ?? role),
    roleClaims: roles,
  };
}

/** Whether the signed-in user's partner role allows the action (see permissions.ts). */
export function useMay(action: PartnerAction): boolean {
  const user = useCurrentUser();
  return user ? may(user.roleClaims, action) : false;
}

export function useCurrentUser(): CurrentUser | undefined {
  const { instance, accounts } = useMsal();
  const account = instance.getActiveAccount() ?? accounts[0];
  return account ? describeAccount(account) : undefined;
}
