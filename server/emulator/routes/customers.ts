import { randomBytes, randomUUID, scrypt } from 'node:crypto';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { checkAddress, checkCulture } from '../address-rules.ts';
import { requirePermission, type Caller } from '../auth.ts';
import type { ContinuationTokens } from '../continuation.ts';
import { checkRegistrationNumber } from '../countries/registration-numbers.ts';
import { badRequest, errorCodes, PartnerCenterError } from '../errors.ts';
import {
  callerOf,
  continuationTokenOf,
  customerIdOf,
  ifMatchOf,
  isGuid,
  queryOf,
} from '../http.ts';
import type { IdempotentWrites } from '../idempotency.ts';
import {
  checkAssociatedPartner,
  checkCompanyName,
  checkCustomerEmail,
} from '../onboarding-rules.ts';
import { partnerTenantOf } from '../partner-relationships.ts';
import {
  billingProfileOf,
  collectionOf,
  companyProfileOf,
  customerListItemOf,
  customerOf,
} from '../representation.ts';
import type { CustomerRecord, EmulatorStore, ListFilter, StoredBillingProfile } from '../store.ts';
import {
  billingProfileSchema,
  createCustomerSchema,
  filterSchema,
  parseBody,
  removeRelationshipSchema,
  type WireCreateCustomer,
} from '../wire.ts';

const scryptAsync = promisify(scrypt) as (
  password: string,
  salt: Buffer,
  length: number,
) => Promise<Buffer>;

export interface CustomerRoutesContext {
  store: EmulatorStore;
  tokens: ContinuationTokens;
  writes: IdempotentWrites;
}

const DEFAULT_PAGE_SIZE = 100;
const MAX_PAGE_SIZE = 500;

function pageSizeOf(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return DEFAULT_PAGE_SIZE;
  const size = Number(raw);
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE) {
    throw badRequest(
      `The size "${raw.slice(0, 20)}" is not valid: ask for 1 to ${MAX_PAGE_SIZE} customers per page.`,
    );
  }
  return size === 0 ? DEFAULT_PAGE_SIZE : size;
}

const filterFields: Record<string, ListFilter['field']> = {
  companyname: 'companyName',
  domain: 'domain',
  indirectreseller: 'indirectReseller',
  indirectcloudsolutionprovider: 'indirectProvider',
};

/** `filter` is URL-encoded JSON `{Field, Value, Operator}`; `starts_with` is the only operator. */
function filterOf(raw: string): ListFilter {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw badRequest(
      'The filter is not valid JSON; send {"Field":"CompanyName","Value":"...","Operator":"starts_with"}, URL-encoded.',
    );
  }
  const filter = parseBody(filterSchema, json, 'the filter');
  // Own keys only: "constructor" is no field, whatever Object.prototype says.
  const key = filter.field.toLowerCase();
  const field = Object.hasOwn(filterFields, key) ? filterFields[key] : undefined;
  if (!field) {
    throw badRequest(
      `The filter field "${filter.field.slice(0, 40)}" is not supported; use CompanyName, Domain, IndirectReseller or IndirectCloudSolutionProvider.`,
    );
  }
  if (filter.operator.toLowerCase() !== 'starts_with') {
    throw badRequest(
      `The filter operator "${filter.operator.slice(0, 40)}" is not supported; the only operator is starts_with.`,
    );
  }
  if (field === 'companyName' || field === 'domain') {
    if (!filter.value.trim()) throw badRequest('The filter value must not be empty.');
    return { field, prefix: filter.value };
  }
  if (!isGuid(filter.value.trim())) {
    throw badRequest(`The ${filter.field} filter value must be a partner tenant id (a GUID).`);
  }
  return { field, tenantId: filter.value.trim().toLowerCase() };
}

/** The caller's customer, or the 403 that Partner Center answers for anyone else's. */
export function ownedCustomer(
  store: EmulatorStore,
  caller: Caller,
  customerId: string,
): CustomerRecord {
  const customer = store.getCustomer(customerId);
  // Unknown and foreign ids get the same answer, so one partner cannot probe another's customers.
  if (!customer || customer.partnerId !== caller.tenantId) {
    throw new PartnerCenterError(
      403,
      errorCodes.noRelationship,
      `There is no relationship between your partner tenant and the customer ${customerId}.`,
    );
  }
  return customer;
}

const onMicrosoftDomain = /^([a-z0-9]{1,27})\.onmicrosoft\.com$/i;

function checkDomain(store: EmulatorStore, domain: string): string {
  const normalized = domain.trim().toLowerCase();
  if (!onMicrosoftDomain.test(normalized)) {
    throw badRequest(
      `The domain "${domain.slice(0, 80)}" is not valid: use a name of 1 to 27 letters and digits followed by .onmicrosoft.com.`,
      errorCodes.invalidProperty,
      ['companyProfile.domain'],
    );
  }
  if (store.isDomainTaken(normalized)) {
    throw new PartnerCenterError(
      409,
      errorCodes.domainTaken,
      `The domain ${normalized} is already in use; choose another name.`,
      ['companyProfile.domain'],
    );
  }
  return normalized;
}

/** A first password that meets Entra's complexity rules; returned once, stored as a hash. */
function generatePassword(): string {
  const sets = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnopqrstuvwxyz', '23456789', '!@#$%&*?'];
  const all = sets.join('');
  const bytes = randomBytes(16);
  const chars = [...bytes].map((byte, index) => {
    const set = index < sets.length ? (sets[index] ?? all) : all;
    return set[byte % set.length] ?? 'x';
  });
  // Move the guaranteed characters away from the front.
  return [...chars.slice(4), ...chars.slice(0, 4)].join('');
}

async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scryptAsync(password, salt, 32);
  return `scrypt$${salt.toString('base64')}$${hash.toString('base64')}`;
}

function newEtag(): string {
  return randomBytes(12).toString('base64url');
}

export function registerCustomerRoutes(scope: FastifyInstance, context: CustomerRoutesContext) {
  const { store, tokens, writes } = context;

  scope.get('/customers', (request) => {
    const caller = callerOf(request);
    requirePermission(caller, 'read');
    const query = queryOf(request);
    const size = pageSizeOf(query.get('size'));
    const seek = query.get('seekoperation');
    let filter: ListFilter | undefined;
    let cursor;
    if (seek !== undefined) {
      if (seek.toLowerCase() !== 'next') {
        throw badRequest(`The seekOperation "${seek.slice(0, 20)}" is not supported; use Next.`);
      }
      const token = continuationTokenOf(request);
      if (!token) {
        throw badRequest(
          'seekOperation=Next needs the MS-ContinuationToken header of the previous page.',
        );
      }
      const read = tokens.read(caller.tenantId, token);
      if (!read) {
        throw badRequest(
          'The continuation token is not valid (altered, or issued to another partner).',
        );
      }
      ({ filter, cursor } = read);
    } else {
      const rawFilter = query.get('filter');
      filter = rawFilter === undefined ? undefined : filterOf(rawFilter);
    }

    const rows = store.listCustomers(caller.tenantId, filter, cursor, size + 1);
    const page = rows.slice(0, size);
    const last = page.at(-1);
    const more = rows.length > size && last !== undefined;
    const sortKey =
      filter?.field === 'companyName'
        ? 'nameKey'
        : filter?.field === 'domain'
          ? 'domainKey'
          : undefined;
    const next = more
      ? {
          uri: `/v1/customers?size=${size}&seekOperation=Next`,
          continuationToken: tokens.issue(caller.tenantId, filter, {
            key: sortKey ? last[sortKey] : '',
            seq: last.seq,
          }),
        }
      : undefined;
    return collectionOf(
      page.map(customerListItemOf),
      store.countCustomers(caller.tenantId, filter),
      request.url,
      next,
    );
  });

  scope.get('/customers/:customerId', (request) => {
    const caller = callerOf(request);
    requirePermission(caller, 'read');
    return customerOf(ownedCustomer(store, caller, customerIdOf(request)));
  });

  scope.get('/customers/:customerId/profiles/company', (request) => {
    const caller = callerOf(request);
    requirePermission(caller, 'read');
    const customer = ownedCustomer(store, caller, customerIdOf(request));
    // The profile is the tenant's: its name is the organisation's own, whatever the bill-to says.
    return companyProfileOf({ ...customer, companyName: customer.tenantName });
  });

  scope.get('/customers/:customerId/profiles/billing', (request, reply) => {
    const caller = callerOf(request);
    requirePermission(caller, 'read');
    const customer = ownedCustomer(store, caller, customerIdOf(request));
    reply.header('etag', `"${customer.billing.etag}"`);
    return billingProfileOf(customer.id, customer.billing);
  });

  scope.put('/customers/:customerId/profiles/billing', (request, reply) =>
    writes.run(request, reply, 'editBilling', (commit) => {
      const caller = callerOf(request);
      const customerId = customerIdOf(request);
      const current = ownedCustomer(store, caller, customerId);
      const body = parseBody(billingProfileSchema, request.body, 'the billing profile');
      const etag = ifMatchOf(request) ?? body.attributes?.etag ?? undefined;
      if (!etag) {
        throw badRequest(
          'The billing profile update needs its etag (If-Match header or attributes.etag), so that a newer change is never overwritten.',
        );
      }
      if (body.defaultAddress.country !== current.billing.defaultAddress.country) {
        throw badRequest(
          'The country of the billing address cannot be changed.',
          errorCodes.invalidProperty,
          ['defaultAddress.country'],
        );
      }
      const billing = billingOf(body, current.billing.id, 'defaultAddress');
      return commit(() => {
        const expected = etag === '*' ? current.billing.etag : etag;
        if (!store.updateBilling(customerId, expected, billing)) throw staleEtag();
        return {
          status: 200,
          body: billingProfileOf(customerId, billing),
          headers: { etag: `"${billing.etag}"` },
        };
      });
    }),
  );

  scope.post('/customers', (request, reply) =>
    writes.run(request, reply, 'create', async (commit) => {
      const caller = callerOf(request);
      const body = parseBody(createCustomerSchema, request.body, 'the new customer');
      checkNewCustomer(caller, body);
      const billing = billingOf(body.billingProfile, randomUUID(), 'billingProfile.defaultAddress');
      const country = billing.defaultAddress.country;
      const registration = checkRegistrationNumber(
        country,
        body.companyProfile.organizationRegistrationNumber,
      );
      if (!registration.ok) {
        throw new PartnerCenterError(400, registration.code, registration.description, [
          'companyProfile.organizationRegistrationNumber',
        ]);
      }
      const domain = checkDomain(store, body.companyProfile.domain);
      const password = generatePassword();
      const passwordHash = await hashPassword(password);
      const id = randomUUID();
      const adminUserName = `admin@${domain}`;
      const customer: CustomerRecord = {
        id,
        partnerId: caller.tenantId,
        commerceId: randomUUID(),
        companyName: body.companyProfile.companyName?.trim() || billing.companyName,
        tenantName: body.companyProfile.companyName?.trim() || billing.companyName,
        domain,
        email: body.companyProfile.email?.trim() || billing.email,
        registrationNumber: registration.normalized || null,
        companyAddress: billing.defaultAddress,
        relationship: 'reseller',
        allowDelegatedAccess: true,
        enableGdapByDefault: body.enableGDAPByDefault ?? false,
        associatedPartnerId: body.associatedPartnerId?.toLowerCase() ?? null,
        indirectProviderId: null,
        isSandbox: false,
        customDomains: [],
        tags: [],
        billing,
        adminUserName,
        passwordHash,
        createdAt: new Date().toISOString(),
      };
      return commit(() => {
        // Checked again inside the transaction: another request may have taken the name meanwhile.
        checkDomain(store, domain);
        store.insertCustomer(customer);
        return {
          status: 201,
          body: customerOf(customer, { userCredentials: { userName: adminUserName, password } }),
          headers: { location: `/v1/customers/${id}` },
        };
      });
    }),
  );

  scope.patch('/customers/:customerId', (request, reply) =>
    writes.run(request, reply, 'manage', (commit) => {
      const caller = callerOf(request);
      const customerId = customerIdOf(request);
      ownedCustomer(store, caller, customerId);
      parseBody(removeRelationshipSchema, request.body, 'the customer update');
      return commit(() => {
        store.removeRelationship(customerId);
        return { status: 200, body: customerOf(ownedCustomer(store, caller, customerId)) };
      });
    }),
  );

  scope.delete('/customers/:customerId', (request, reply) =>
    writes.run(request, reply, 'manage', (commit) => {
      const caller = callerOf(request);
      const customerId = customerIdOf(request);
      const customer = ownedCustomer(store, caller, customerId);
      if (!customer.isSandbox) {
        throw new PartnerCenterError(
          403,
          errorCodes.accessDenied,
          'Only customers of an integration sandbox can be deleted; remove the relationship instead.',
        );
      }
      return commit(() => {
        store.deleteCustomer(customerId);
        return { status: 204 };
      });
    }),
  );
}

/** Partner Center's onboarding rules, beyond the shape: names, addresses, the reseller. */
function checkNewCustomer(caller: Caller, body: WireCreateCustomer): void {
  checkCompanyName(body.billingProfile.companyName, 'billingProfile.companyName');
  // An empty company-profile name is the same as none: the billing name is used.
  if (body.companyProfile.companyName) {
    checkCompanyName(body.companyProfile.companyName, 'companyProfile.companyName');
  }
  const partnerDomain = partnerTenantOf(caller.tenantId)?.domain;
  checkCustomerEmail(body.billingProfile.email, 'billingProfile.email', partnerDomain);
  if (body.companyProfile.email) {
    checkCustomerEmail(body.companyProfile.email, 'companyProfile.email', partnerDomain);
  }
  if (body.associatedPartnerId) checkAssociatedPartner(caller.tenantId, body.associatedPartnerId);
}

function staleEtag(): PartnerCenterError {
  return badRequest(
    'Etag is no longer valid: the billing profile was changed by someone else. Reload it and apply your change again.',
    errorCodes.staleEtag,
  );
}

function billingOf(
  body: ReturnType<typeof billingProfileSchema.parse>,
  id: string,
  addressField: string,
): StoredBillingProfile {
  const defaultAddress = checkAddress(body.defaultAddress, addressField);
  const culture = checkCulture(
    defaultAddress.country,
    body.culture,
    addressField.replace(/defaultAddress$/, 'culture'),
  );
  return {
    id,
    firstName: body.firstName?.trim() || defaultAddress.firstName || '',
    lastName: body.lastName?.trim() || defaultAddress.lastName || '',
    email: body.email,
    culture,
    language: body.language,
    companyName: body.companyName,
    defaultAddress,
    etag: newEtag(),
  };
}
