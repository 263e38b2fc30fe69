import { createRequire } from 'node:module';
import { domainToUnicode } from 'node:url';
import { badRequest, errorCodes, type PartnerCenterError } from './errors.ts';
import { isIndirectResellerOf } from './partner-relationships.ts';

/**
 * The rules Partner Center applies to a new customer's company name and email addresses since
 * September 2021, and to the reseller it is created for (FORMS.md). The emulator refuses what Partner Center refuses, and only that:
 * its warnings (a `.com` suffix, "999", "1 2 3") are the portal's to show, not a reason to fail.
 */

// `tlds` is a JSON module behind a CommonJS `main`; Node's ESM loader would want an import
// attribute for it, which tsx and vitest do not need, so `require` it the one way all three share.
const topLevelDomains: ReadonlySet<string> = new Set(
  createRequire(import.meta.url)('tlds') as string[],
);

/**
 * Legal forms that are refused when they are the whole name, compared without case, dots,
 * spaces or other punctuation ("L.L.C.", "Pty. Ltd.", "A/S", "Co., Ltd." all count).
 */
const legalForms: ReadonlySet<string> = new Set([
  // English-speaking countries and Asia
  'llc',
  'llp',
  'lp',
  'inc',
  'incorporated',
  'ltd',
  'limited',
  'plc',
  'co',
  'coltd',
  'coinc',
  'corp',
  'corporation',
  'company',
  'pty',
  'ptyltd',
  'pteltd',
  'pvtltd',
  'sdnbhd',
  'bhd',
  'wll',
  'jsc',
  'kk',
  'gk',
  '株式会社',
  '有限会社',
  '合同会社',
  // German-speaking countries
  'gmbh',
  'gmbhcokg',
  'ag',
  'kg',
  'ohg',
  'ug',
  'kgaa',
  'se',
  // Romance languages
  'sa',
  'sas',
  'sarl',
  'sl',
  'srl',
  'spa',
  'lda',
  'ltda',
  'sau',
  // Benelux and the Nordics
  'bv',
  'nv',
  'bvba',
  'ab',
  'as',
  'asa',
  'aps',
  'oy',
  'oyj',
  // Central and Eastern Europe
  'kft',
  'zrt',
  'nyrt',
  'sro',
  'spzoo',
  'ooo',
  'ооо',
  'ао',
  'пао',
  'зао',
  'оао',
  'тов',
]);

/** A name's letters and digits only, without case or accents: how a legal form is recognised. */
function legalFormKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\p{P}\p{Z}\s]/gu, '');
}

function characterCount(text: string): number {
  return [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)].length;
}

/** Why Partner Center would refuse the name, or undefined when it takes it. */
export function companyNameProblem(name: string): string | undefined {
  const trimmed = name.trim();
  if (trimmed === '') return 'is only spaces';
  if (characterCount(trimmed) === 1) return 'is a single character';
  if (!/[\p{L}\p{N}]/u.test(trimmed)) return 'has no letter or digit, only special characters';
  if (legalForms.has(legalFormKey(trimmed))) {
    return 'is only a legal form, without the name of the company';
  }
  return undefined;
}

export function checkCompanyName(name: string, field: string): void {
  const problem = companyNameProblem(name);
  if (problem) {
    throw badRequest(
      `The company name ${JSON.stringify(name.slice(0, 80))} in ${field} ${problem}; give the customer's exact legal name as it appears in official documents.`,
      errorCodes.invalidProperty,
      [field],
    );
  }
}

function domainOf(email: string): string {
  return (email.split('@').at(-1) ?? '').trim().toLowerCase().replace(/\.$/, '');
}

function isSameOrSubdomain(domain: string, parent: string): boolean {
  return domain === parent || domain.endsWith(`.${parent}`);
}

function hasRealTopLevelDomain(domain: string): boolean {
  const last = domain.split('.').at(-1) ?? '';
  // The list spells internationalised TLDs in Unicode; an address may carry their xn-- form.
  return topLevelDomains.has(last) || topLevelDomains.has(domainToUnicode(last));
}

/** Refuses an address whose domain is no real one: a typo Partner Center only finds too late. */
export function checkEmailDomain(email: string, field: string): void {
  const domain = domainOf(email);
  if (!hasRealTopLevelDomain(domain)) {
    throw invalidEmail(
      email,
      field,
      `does not end in a real top-level domain (".${domain.split('.').at(-1) ?? ''}")`,
    );
  }
}

/**
 * The customer's own address is wanted: never Microsoft's, never the partner's (the partner's
 * tenant domain is `partnerDomain`), always on a real top-level domain.
 */
export function checkCustomerEmail(
  email: string,
  field: string,
  partnerDomain: string | undefined,
): void {
  const domain = domainOf(email);
  if (isSameOrSubdomain(domain, 'microsoft.com')) {
    throw invalidEmail(email, field, 'is a Microsoft address (@microsoft.com)');
  }
  if (partnerDomain && isSameOrSubdomain(domain, partnerDomain.toLowerCase())) {
    throw invalidEmail(email, field, `is on your own partner domain (${partnerDomain})`);
  }
  checkEmailDomain(email, field);
}

function invalidEmail(email: string, field: string, problem: string): PartnerCenterError {
  return badRequest(
    `The email address ${JSON.stringify(email.slice(0, 254))} in ${field} ${problem}; use an address of the customer's own organisation.`,
    errorCodes.invalidProperty,
    [field],
  );
}

/**
 * An indirect provider names the reseller a customer is for; a reseller it has no partnership
 * with is refused, so a typo never makes someone else's customer.
 */
export function checkAssociatedPartner(providerId: string, associatedPartnerId: string): void {
  if (!isIndirectResellerOf(providerId, associatedPartnerId)) {
    throw badRequest(
      `The associatedPartnerId ${associatedPartnerId} is not one of your indirect resellers; list them with GET /v1/relationships?relationship_type=IsIndirectCloudSolutionProviderOf.`,
      errorCodes.invalidProperty,
      ['associatedPartnerId'],
    );
  }
}
