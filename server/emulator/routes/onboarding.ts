import type { FastifyInstance } from 'fastify';
import { requirePermission, type Caller } from '../auth.ts';
import { badRequest, errorCodes } from '../errors.ts';
import { callerOf, customerIdOf, isGuid, queryOf } from '../http.ts';
import type { IdempotentWrites } from '../idempotency.ts';
import { checkEmailDomain } from '../onboarding-rules.ts';
import {
  indirectProvidersOf,
  indirectResellersOf,
  type PartnerOrganization,
} from '../partner-relationships.ts';
import {
  agreementMetadataOf,
  agreementOf,
  collectionOf,
  partnerRelationshipOf,
  relationshipRequestOf,
} from '../representation.ts';
import type { AgreementRecord, EmulatorStore } from '../store.ts';
import { agreementSchema, parseBody, type WireAgreement } from '../wire.ts';
import { ownedCustomer } from './customers.ts';

/**
 * What onboarding needs besides the customer itself (FORMS.md): the reseller relationship link
 * for customers that exist already, an indirect provider's resellers, and the Microsoft Customer
 * Agreement with its attestations.
 *
 * Throttling: the plugin counts every /v1/customers/* call against the Customer resource's
 * budget, so the relationship request and the agreement attestations (both under /customers)
 * spend it like any customer call; the partner-level reference reads (/relationships,
 * /agreements) are not the Customer resource and, like the other reference routes, are not
 * counted.
 */

export interface OnboardingRoutesContext {
  store: EmulatorStore;
  writes: IdempotentWrites;
  now: () => number;
}

export const CUSTOMER_AGREEMENT = 'MicrosoftCustomerAgreement';
const CLOUD_AGREEMENT = 'MicrosoftCloudAgreement';
const agreementTypes = [CLOUD_AGREEMENT, CUSTOMER_AGREEMENT] as const;
type AgreementType = (typeof agreementTypes)[number];

/** The one template the emulator knows: its id never changes, so tests and drafts may keep it. */
export const customerAgreementTemplate = {
  templateId: '117a1e1b-5f2c-4b8d-9e36-0a4c7d2f18b5',
  agreementType: CUSTOMER_AGREEMENT,
  agreementLink: 'https://aka.ms/customeragreement',
  displayName: 'Microsoft Customer Agreement',
  versionRank: 0,
} as const;

/** How far in the future a `dateAgreed` may lie: the client's clock may run a little fast. */
const CLOCK_SKEW_MS = 2 * 60_000;

const INVITATION_PAGE = 'https://admin.microsoft.com/Adminportal/Home';

/** The admin-center invitation a customer's global admin opens to accept the partner. */
function invitationUrl(partnerId: string, indirectProviderId?: string): string {
  const query = indirectProviderId
    ? `invType=IndirectResellerRelationship&partnerId=${partnerId}&msppId=0&indirectCSPId=${indirectProviderId}`
    : `invType=ResellerRelationship&partnerId=${partnerId}&msppId=0`;
  return `${INVITATION_PAGE}?${query}&DAP=true#/BillingAccounts/partner-invitation`;
}

function partnerIdParameter(raw: string, name: string, partners: readonly PartnerOrganization[]) {
  const id = raw.trim().toLowerCase();
  if (!isGuid(id)) {
    throw badRequest(
      `The ${name} "${raw.slice(0, 64)}" is not a partner tenant id (a GUID).`,
      errorCodes.invalidProperty,
      [name],
    );
  }
  if (!partners.some((partner) => partner.id === id)) {
    throw badRequest(
      `The ${name} ${id} names no partner you have an indirect relationship with; see GET /v1/relationships.`,
      errorCodes.invalidProperty,
      [name],
    );
  }
  return id;
}

/**
 * An indirect provider asks on behalf of one of its resellers (`indirectResellerId`); a reseller
 * names the provider it buys through (`indirectCloudSolutionProviderId`); a direct partner asks
 * for itself. The resulting link names the reseller as the partner and the provider beside it.
 */
function relationshipRequestUrl(caller: Caller, query: Map<string, string>): string {
  // An empty parameter binds to null on Microsoft's side: the same as none.
  const resellerId = query.get('indirectresellerid')?.trim() || undefined;
  const providerId = query.get('indirectcloudsolutionproviderid')?.trim() || undefined;
  if (resellerId !== undefined && providerId !== undefined) {
    throw badRequest(
      'Give indirectResellerId (you are the provider) or indirectCloudSolutionProviderId (you are the reseller), not both.',
      errorCodes.invalidInput,
      ['indirectResellerId', 'indirectCloudSolutionProviderId'],
    );
  }
  if (resellerId !== undefined) {
    const reseller = partnerIdParameter(
      resellerId,
      'indirectResellerId',
      indirectResellersOf(caller.tenantId),
    );
    return invitationUrl(reseller, caller.tenantId);
  }
  if (providerId !== undefined) {
    const provider = partnerIdParameter(
      providerId,
      'indirectCloudSolutionProviderId',
      indirectProvidersOf(caller.tenantId),
    );
    return invitationUrl(caller.tenantId, provider);
  }
  return invitationUrl(caller.tenantId);
}

type RelationshipType = 'IsIndirectCloudSolutionProviderOf' | 'IsIndirectResellerOf';
const relationshipTypes = new Map<string, RelationshipType>([
  ['isindirectcloudsolutionproviderof', 'IsIndirectCloudSolutionProviderOf'],
  ['isindirectresellerof', 'IsIndirectResellerOf'],
]);

/** The two types an indirect partner asks about; Partner Center's enum binding ignores case. */
function relationshipTypeOf(raw: string | undefined): RelationshipType {
  const type = raw && relationshipTypes.get(raw.trim().toLowerCase());
  if (!type) {
    throw badRequest(
      !raw?.trim()
        ? 'The query parameter relationship_type is required: IsIndirectCloudSolutionProviderOf lists your indirect resellers, IsIndirectResellerOf your indirect providers.'
        : `The relationship_type "${raw.slice(0, 64)}" is not supported; use IsIndirectCloudSolutionProviderOf (your indirect resellers) or IsIndirectResellerOf (your indirect providers).`,
      errorCodes.invalidInput,
      ['relationship_type'],
    );
  }
  return type;
}

/**
 * `agreementType`: one of the two documented types or `*` for all, without regard to case.
 * Without it the template list shows every type and a customer's attestations only the Microsoft
 * Cloud Agreement's: that is Partner Center's documented default, so a client that forgets the
 * parameter finds no Customer Agreement, as it would against Microsoft.
 */
function agreementTypeOf(raw: string | undefined, fallback: AgreementType | '*') {
  if (!raw?.trim()) return fallback;
  if (raw.trim() === '*') return '*';
  const type = agreementTypes.find((known) => known.toLowerCase() === raw.trim().toLowerCase());
  if (!type) {
    throw badRequest(
      `The agreementType "${raw.slice(0, 64)}" is not supported; use ${CUSTOMER_AGREEMENT}, ${CLOUD_AGREEMENT} or *.`,
      errorCodes.invalidInput,
      ['agreementType'],
    );
  }
  return type;
}

/** The templates of a type: the emulator has only the Customer Agreement's (the Cloud one retired). */
function templatesOf(type: AgreementType | '*') {
  return type === CLOUD_AGREEMENT ? [] : [customerAgreementTemplate];
}

function checkAgreedType(type: string): typeof CUSTOMER_AGREEMENT {
  if (type.toLowerCase() !== CUSTOMER_AGREEMENT.toLowerCase()) {
    throw badRequest(
      `The property type must be ${CUSTOMER_AGREEMENT}, not "${type.slice(0, 64)}": it is the only agreement a new customer accepts.`,
      errorCodes.invalidProperty,
      ['type'],
    );
  }
  return CUSTOMER_AGREEMENT;
}

function checkTemplateId(templateId: string): string {
  if (templateId.toLowerCase() !== customerAgreementTemplate.templateId) {
    throw badRequest(
      `The templateId "${templateId.slice(0, 64)}" is not the Microsoft Customer Agreement's template; read the current one from GET /v1/agreements?agreementType=${CUSTOMER_AGREEMENT}.`,
      errorCodes.invalidProperty,
      ['templateId'],
    );
  }
  return customerAgreementTemplate.templateId;
}

function checkDateAgreed(dateAgreed: Date, now: number): string {
  if (dateAgreed.getTime() > now + CLOCK_SKEW_MS) {
    throw badRequest(
      `The property dateAgreed (${dateAgreed.toISOString()}) lies in the future; send the moment the customer accepted, in UTC.`,
      errorCodes.invalidProperty,
      ['dateAgreed'],
    );
  }
  return dateAgreed.toISOString();
}

function attestationOf(
  body: WireAgreement,
  caller: Caller,
  customerId: string,
  now: number,
): AgreementRecord {
  const type = checkAgreedType(body.type);
  const templateId = checkTemplateId(body.templateId);
  const dateAgreed = checkDateAgreed(body.dateAgreed, now);
  const { firstName, lastName, email, phoneNumber } = body.primaryContact;
  checkEmailDomain(email, 'primaryContact.email');
  return {
    customerId,
    partnerId: caller.tenantId,
    templateId,
    type,
    // The record names the template's own document, whatever link the client echoed back.
    agreementLink: customerAgreementTemplate.agreementLink,
    dateAgreed,
    primaryContact: {
      firstName,
      lastName,
      email,
      ...(phoneNumber?.trim() ? { phoneNumber: phoneNumber.trim() } : {}),
    },
    userId: caller.userId,
  };
}

export function registerOnboardingRoutes(scope: FastifyInstance, context: OnboardingRoutesContext) {
  const { store, writes, now } = context;

  // A static path: find-my-way matches it before /customers/:customerId, whatever the order.
  scope.get('/customers/relationshiprequests', (request) => {
    const caller = callerOf(request);
    requirePermission(caller, 'create');
    return relationshipRequestOf(relationshipRequestUrl(caller, queryOf(request)));
  });

  scope.get('/relationships', (request) => {
    const caller = callerOf(request);
    requirePermission(caller, 'read');
    const type = relationshipTypeOf(queryOf(request).get('relationship_type'));
    const partners =
      type === 'IsIndirectCloudSolutionProviderOf'
        ? indirectResellersOf(caller.tenantId)
        : indirectProvidersOf(caller.tenantId);
    const items = partners.map((partner) => partnerRelationshipOf(partner, type));
    return collectionOf(items, items.length, request.url, undefined);
  });

  scope.get('/agreements', (request) => {
    requirePermission(callerOf(request), 'read');
    const type = agreementTypeOf(queryOf(request).get('agreementtype'), '*');
    const items = templatesOf(type).map(agreementMetadataOf);
    return collectionOf(items, items.length, request.url, undefined);
  });

  scope.get('/customers/:customerId/agreements', (request) => {
    const caller = callerOf(request);
    requirePermission(caller, 'read');
    const customerId = customerIdOf(request);
    ownedCustomer(store, caller, customerId);
    const type = agreementTypeOf(queryOf(request).get('agreementtype'), CLOUD_AGREEMENT);
    const items = store
      .listAgreements(customerId, caller.tenantId)
      .filter((agreement) => type === '*' || agreement.type === type)
      .map(agreementOf);
    return collectionOf(items, items.length, request.url, undefined);
  });

  scope.post('/customers/:customerId/agreements', (request, reply) =>
    writes.run(request, reply, 'create', (commit) => {
      const caller = callerOf(request);
      const customerId = customerIdOf(request);
      ownedCustomer(store, caller, customerId);
      const body = parseBody(agreementSchema, request.body, 'the agreement');
      const agreement = attestationOf(body, caller, customerId, now());
      return commit(() => {
        store.insertAgreement(agreement);
        return { status: 201, body: agreementOf(agreement) };
      });
    }),
  );
}
