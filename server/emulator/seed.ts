import { allLocales, base, en, Faker, type LocaleDefinition } from '@faker-js/faker';
import { tenants } from '../identity/users.ts';
import { generatePhoneNumber } from './countries/phones.ts';
import {
  generateRegistrationNumber,
  registrationNumberCountries,
} from './countries/registration-numbers.ts';
import { seedCountries, type SeedCountry } from './countries/seed-countries.ts';
import { seededRandom } from './seeded-random.ts';
import {
  searchKey,
  type CustomerRecord,
  type EmulatorStore,
  type Relationship,
  type StoredAddress,
} from './store.ts';

/**
 * Deterministic demo data: the same seed gives the same customers, ids included, so tests and
 * screenshots can rely on them. Realistic (local company and person names, real cities and
 * postal codes, valid registration and phone numbers) and hostile where a real tenant may be:
 * markup, formulas, right-to-left text, emoji and very long names, all legal in Partner Center.
 */

const SEED_VERSION = '2';
const FABRIKAM_CUSTOMERS = 300;

/** Indirect resellers that Contoso (an indirect provider) sells through. */
export const indirectResellers = [
  tenants.fabrikam.id,
  'c7d4a1e8-2b5f-4e9c-8a3d-6f1b0e2c4d97',
  'f2a8c5d1-7e3b-4c6a-9d0f-1b8e4a7c2d63',
] as const;

/** Names that break careless software; each is a legal Partner Center company name. */
export const hostileCompanyNames = [
  '<script>alert("pwned")</script> Holdings',
  "=cmd|' /C calc'!A0",
  "+SUM(1+1)*cmd|' /C calc'!A0 Trading",
  '-2+3 Consulting',
  '@SUM(A1:A9) Analytics',
  '\tTabbed Start GmbH',
  '"Quoted" & \'Apostrophe\' <Partners> Ltd',
  "Robert'); DROP TABLE customers;-- Ltd",
  'شركة الحلول الرقمية المتقدمة',
  'חברת הטכנולוגיה המתקדמת בע"מ',
  '\u202Egnp.exe Invoices Corp',
  '🚀 Rocket Labs 🌟 Café ☕',
  'ООО «Ромашка» & Co',
  '株式会社テストシステムズ',
  '<img src=x onerror=alert(1)> Imaging',
  `${'The Extraordinarily Long Name of an International Conglomerate of Companies '.repeat(3)}`
    .slice(0, 197)
    .concat(' AG'),
] as const;

function uuidFrom(rng: () => number): string {
  // Four 32-bit draws make the 128 bits; then the version (4) and variant (10xx) bits are set.
  const hex = Array.from({ length: 4 }, () =>
    Math.floor(rng() * 0x1_0000_0000)
      .toString(16)
      .padStart(8, '0'),
  ).join('');
  const variant = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function pick<T>(rng: () => number, items: readonly T[]): T {
  const item = items[Math.floor(rng() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

function weighted<T>(rng: () => number, entries: readonly (readonly [T, number])[]): T {
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = rng() * total;
  for (const [value, weight] of entries) {
    roll -= weight;
    if (roll < 0) return value;
  }
  const last = entries.at(-1);
  if (!last) throw new Error('weighted pick from an empty list');
  return last[0];
}

/** ASCII letters and digits of a name, for domains and mailboxes. */
function slugOf(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

const relationshipWeights: readonly (readonly [Relationship, number])[] = [
  ['reseller', 86],
  ['advisor', 5],
  ['none', 3],
  ['syndication', 2],
  ['microsoft_support', 2],
  ['unknown', 2],
];

const tagPool = [
  'Enterprise',
  'SMB',
  'Education',
  'Nonprofit',
  'Healthcare',
  'Government',
  'Priority',
  'Renewal Q1',
  'Renewal Q3',
  'Migration',
  'Trial',
  'Key account',
] as const;

const customDomainSuffixes: Record<string, string> = {
  GB: 'co.uk',
  JP: 'co.jp',
  BR: 'com.br',
  AU: 'com.au',
  IN: 'co.in',
  ZA: 'co.za',
};

class CustomerFactory {
  readonly #fakers = new Map<string, Faker>();
  readonly #takenDomains = new Set<string>();
  /** The next number to try per domain stem, so that common names do not rescan from 2. */
  readonly #stemCounters = new Map<string, number>();
  readonly #countries: readonly (readonly [SeedCountry, number])[];
  readonly #registrationCountries = new Set(registrationNumberCountries);

  constructor(
    private readonly rng: () => number,
    private readonly seed: number,
    reservedDomains: Iterable<string>,
  ) {
    for (const domain of reservedDomains) this.#takenDomains.add(searchKey(domain));
    this.#countries = seedCountries.map((country) => [country, country.weight] as const);
  }

  #faker(locale: string): Faker {
    let faker = this.#fakers.get(locale);
    if (!faker) {
      const definition = (allLocales as Record<string, LocaleDefinition | undefined>)[locale];
      faker = new Faker({ locale: definition ? [definition, en, base] : [en, base] });
      faker.seed(this.seed + this.#fakers.size);
      this.#fakers.set(locale, faker);
    }
    return faker;
  }

  #uniqueDomain(name: string, faker: Faker): string {
    let stem = slugOf(name).slice(0, 22);
    if (stem.length < 4)
      stem = `${slugOf(faker.word.noun())}${slugOf(faker.word.noun())}`.slice(0, 22);
    if (stem.length < 4) stem = 'customer';
    let candidate = stem;
    let n = this.#stemCounters.get(stem) ?? 2;
    while (this.#takenDomains.has(`${candidate}.onmicrosoft.com`)) candidate = `${stem}${n++}`;
    this.#stemCounters.set(stem, n);
    const domain = `${candidate}.onmicrosoft.com`;
    this.#takenDomains.add(domain);
    return domain;
  }

  #customDomain(stem: string, country: string): string | undefined {
    const suffix =
      customDomainSuffixes[country] ?? (this.rng() < 0.5 ? 'com' : country.toLowerCase());
    const domain = `${stem}.${suffix}`;
    if (this.#takenDomains.has(domain)) return undefined;
    this.#takenDomains.add(domain);
    return domain;
  }

  make(
    partnerId: string,
    index: number,
    options: { hostileName?: string; indirectProviderId?: string | null },
  ): CustomerRecord {
    const rng = this.rng;
    const country = weighted(rng, this.#countries);
    const faker = this.#faker(country.fakerLocale);
    const place = pick(rng, country.places);
    const companyName = options.hostileName ?? faker.company.name();
    const domain = this.#uniqueDomain(companyName, faker);
    const stem = domain.slice(0, -'.onmicrosoft.com'.length);
    const firstName = faker.person.firstName();
    const lastName = faker.person.lastName();
    const requiresRegistration = this.#registrationCountries.has(country.code);
    const phoneNumber =
      requiresRegistration || rng() < 0.7 ? generatePhoneNumber(country.code, rng) : undefined;
    const address: StoredAddress = {
      country: country.code,
      addressLine1: rng() < 0.5 ? place.addressLine1 : faker.location.streetAddress(),
      city: place.city,
      ...(place.state ? { state: place.state } : {}),
      ...(place.postalCode ? { postalCode: place.postalCode } : {}),
      ...(place.district ? { district: place.district } : {}),
      firstName,
      lastName,
      ...(phoneNumber ? { phoneNumber } : {}),
    };
    if (index % 997 === 13) address.addressLine2 = '<img src=x onerror=alert(1)> Suite 5';
    const mailbox = `${slugOf(firstName) || 'billing'}.${slugOf(lastName) || 'contact'}`;
    const customDomains: string[] = [];
    if (rng() < 0.25) {
      const custom = this.#customDomain(stem, country.code);
      if (custom) customDomains.push(custom);
    }
    const relationship = weighted(rng, relationshipWeights);
    const allowDelegatedAccess = relationship === 'reseller' ? rng() < 0.85 : rng() < 0.1;
    const isSandbox = rng() < 0.01;
    const tags: string[] = [
      ...new Set(Array.from({ length: Math.floor(rng() * 3) }, () => pick(rng, tagPool))),
    ];
    if (isSandbox) tags.push('Sandbox');
    const associatedPartnerId =
      options.indirectProviderId === undefined && rng() < 0.08
        ? pick(rng, indirectResellers)
        : null;
    const emailDomain = customDomains[0] ?? domain;
    const created = new Date(Date.UTC(2020, 0, 1) + Math.floor(rng() * 6 * 365 * 86_400_000));
    return {
      id: uuidFrom(rng),
      partnerId,
      commerceId: uuidFrom(rng),
      companyName,
      tenantName: companyName,
      domain,
      email: `${mailbox}@${emailDomain}`,
      registrationNumber: requiresRegistration
        ? generateRegistrationNumber(country.code, rng)
        : null,
      companyAddress: address,
      relationship,
      allowDelegatedAccess,
      enableGdapByDefault: rng() < 0.5,
      associatedPartnerId,
      indirectProviderId: options.indirectProviderId ?? null,
      isSandbox,
      customDomains,
      tags,
      billing: {
        id: uuidFrom(rng),
        firstName,
        lastName,
        email: `${mailbox}@${emailDomain}`,
        culture: country.culture,
        language: country.language,
        companyName,
        defaultAddress: address,
        etag: uuidFrom(rng).replace(/-/g, '').slice(0, 16),
      },
      adminUserName: `admin@${domain}`,
      passwordHash: null,
      createdAt: created.toISOString(),
    };
  }
}

/** Contoso's customers, with the hostile names spread over the first pages. */
function* contosoCustomers(factory: CustomerFactory, count: number): Generator<CustomerRecord> {
  const hostileAt = new Map<number, string>(
    hostileCompanyNames.map((name, position) => [position * 7 + 3, name] as const),
  );
  for (let index = 0; index < count; index += 1) {
    yield factory.make(tenants.contoso.id, index, { hostileName: hostileAt.get(index) });
  }
}

function* fabrikamCustomers(factory: CustomerFactory, count: number): Generator<CustomerRecord> {
  for (let index = 0; index < count; index += 1) {
    // Fabrikam is an indirect reseller: half of its customers came through Contoso.
    yield factory.make(tenants.fabrikam.id, index, {
      indirectProviderId: index % 2 === 0 ? tenants.contoso.id : null,
    });
  }
}

export interface SeedResult {
  customers: number;
  milliseconds: number;
}

/**
 * Seeds on first start (or when asked to reset, or when the seed's shape changed); otherwise
 * leaves the database, and every edit in it, alone.
 */
export function seedIfNeeded(
  store: EmulatorStore,
  options: { customers: number; reset: boolean },
): SeedResult | undefined {
  const signature = `${SEED_VERSION}:${options.customers}`;
  const seeded = store.getMeta('seed');
  if (!options.reset && seeded !== undefined && seeded.split(':')[0] === SEED_VERSION)
    return undefined;
  const started = performance.now();
  store.clear();
  const ownDomains = Object.values(tenants).map((tenant) => tenant.domain);
  const factory = new CustomerFactory(seededRandom(20261124), 20261124, ownDomains);
  store.reserveDomains(ownDomains);
  const count = store.bulkLoad(
    () =>
      store.insertCustomers(contosoCustomers(factory, options.customers)) +
      store.insertCustomers(fabrikamCustomers(factory, FABRIKAM_CUSTOMERS)),
  );
  store.setMeta('seed', signature);
  return { customers: count, milliseconds: Math.round(performance.now() - started) };
}

/** How many Contoso customers the database was seeded with. */
export function seededCustomerCount(store: EmulatorStore): number {
  return Number(store.getMeta('seed')?.split(':')[1] ?? 0);
}
