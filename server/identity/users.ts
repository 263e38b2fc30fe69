/**
 * The fixed local directory. Tenants, users and roles are named in the README and the tests,
 * so their ids never change.
 */
export const partnerRoles = {
  AdminAgents: 'Admin agent',
  SalesAgents: 'Sales agent',
  HelpdeskAgents: 'Helpdesk agent',
} as const;

export type PartnerRole = keyof typeof partnerRoles;

export interface LocalTenant {
  id: string;
  displayName: string;
  domain: string;
}

export interface LocalUser {
  oid: string;
  name: string;
  username: string;
  tenant: LocalTenant;
  roles: PartnerRole[];
}

export const tenants = {
  contoso: {
    id: '4b5e8d2a-1c3f-4a6e-9b7d-2f8c0e1a3d5b',
    displayName: 'Contoso Partners',
    domain: 'contosopartners.onmicrosoft.com',
  },
  fabrikam: {
    id: '9d1c7e3b-5a2f-4c8d-8e6a-0b4f2d9c1e7a',
    displayName: 'Fabrikam Reseller',
    domain: 'fabrikamreseller.onmicrosoft.com',
  },
  /** A direct partner with no customers yet: onboards its own, with faults of its own. */
  tailspin: {
    id: '2c6f9a1d-7b3e-4d5a-8f0c-9e1b3d5f7a29',
    displayName: 'Tailspin Partners',
    domain: 'tailspinpartners.onmicrosoft.com',
  },
} as const satisfies Record<string, LocalTenant>;

export const localUsers: readonly LocalUser[] = [
  {
    oid: 'a1f3c5e7-0b2d-4f6a-8c1e-3d5f7a9b0c21',
    name: 'Adele Vance',
    username: 'adele@contosopartners.onmicrosoft.com',
    tenant: tenants.contoso,
    roles: ['AdminAgents'],
  },
  {
    oid: 'b2e4d6f8-1c3e-4a7b-9d2f-4e6a8b0c1d32',
    name: 'Alex Wilber',
    username: 'alex@contosopartners.onmicrosoft.com',
    tenant: tenants.contoso,
    roles: ['SalesAgents'],
  },
  {
    oid: 'c3f5e7a9-2d4f-4b8c-8e3a-5f7b9c1d2e43',
    name: 'Megan Bowen',
    username: 'megan@contosopartners.onmicrosoft.com',
    tenant: tenants.contoso,
    roles: ['HelpdeskAgents'],
  },
  {
    oid: 'd4a6f8b0-3e5a-4c9d-9f4b-6a8c0d2e3f54',
    name: 'Diego Siciliani',
    username: 'diego@contosopartners.onmicrosoft.com',
    tenant: tenants.contoso,
    roles: [],
  },
  {
    oid: 'e5b7a9c1-4f6b-4d0e-8a5c-7b9d1e3f4a65',
    name: 'Isaiah Langer',
    username: 'isaiah@fabrikamreseller.onmicrosoft.com',
    tenant: tenants.fabrikam,
    roles: ['AdminAgents'],
  },
  {
    oid: 'f6c8b0d2-5a7c-4e1f-9b6d-8c0e2f4a5b76',
    name: 'Lidia Holloway',
    username: 'lidia@tailspinpartners.onmicrosoft.com',
    tenant: tenants.tailspin,
    roles: ['AdminAgents'],
  },
];

export function findUser(oid: string): LocalUser | undefined {
  return localUsers.find((user) => user.oid === oid);
}

export function roleLabel(roles: readonly PartnerRole[]): string {
  return roles.length ? roles.map((role) => partnerRoles[role]).join(', ') : 'No partner role';
}
