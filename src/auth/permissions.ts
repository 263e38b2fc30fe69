/**
 * The one answer to "may this user do X": Partner Center's agent roles against what the portal
 * does. Microsoft publishes no per-endpoint table; this follows its role descriptions (Admin
 * agent manages customers, Sales agent adds and views, Helpdesk agent views and edits customer
 * details), as the emulator does. Pages ask here, never the roles themselves.
 */
export type PartnerAction = 'viewCustomers' | 'createCustomers' | 'editBilling' | 'manageCustomers';

const roleLabels = {
  AdminAgents: 'Admin agents',
  SalesAgents: 'Sales agents',
  HelpdeskAgents: 'Helpdesk agents',
  GlobalAdmin: 'Global admins',
} as const;
type PartnerRoleClaim = keyof typeof roleLabels;

const allowed: Readonly<Record<PartnerRoleClaim, readonly PartnerAction[]>> = {
  AdminAgents: ['viewCustomers', 'createCustomers', 'editBilling', 'manageCustomers'],
  GlobalAdmin: ['viewCustomers', 'createCustomers', 'editBilling', 'manageCustomers'],
  SalesAgents: ['viewCustomers', 'createCustomers'],
  HelpdeskAgents: ['viewCustomers', 'editBilling'],
};

function isRoleClaim(role: string): role is PartnerRoleClaim {
  return Object.hasOwn(roleLabels, role);
}

/** Whether any of the user's `roles` claims allows the action. */
export function may(roleClaims: readonly string[], action: PartnerAction): boolean {
  return roleClaims.some((role) => isRoleClaim(role) && allowed[role].includes(action));
}

/** "Admin agents and Helpdesk agents", for sentences that say who may. */
export function whoMay(action: PartnerAction): string {
  const labels = (Object.keys(allowed) as PartnerRoleClaim[])
    .filter((role) => role !== 'GlobalAdmin' && allowed[role].includes(action))
    .map((role) => roleLabels[role]);
  return labels.length <= 1
    ? (labels[0] ?? 'No partner role')
    : `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}`;
}
