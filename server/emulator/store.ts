import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

/** An address as stored: only the fields that have a value. */
export type StoredAddress = Partial<
  Record<
    | 'country'
    | 'region'
    | 'city'
    | 'state'
    | 'addressLine1'
    | 'addressLine2'
    | 'addressLine3'
    | 'postalCode'
    | 'firstName'
    | 'lastName'
    | 'middleName'
    | 'phoneNumber'
    | 'district',
    string
  >
> & { country: string; addressLine1: string };

export interface StoredBillingProfile {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  culture: string;
  language: string;
  companyName: string;
  defaultAddress: StoredAddress;
  etag: string;
}

export const relationships = [
  'none',
  'reseller',
  'advisor',
  'syndication',
  'microsoft_support',
  'unknown',
] as const;
export type Relationship = (typeof relationships)[number];

export interface CustomerRecord {
  id: string;
  partnerId: string;
  commerceId: string;
  /**
   * The name the customer list and the bill-to show: a billing profile update that changes
   * its company name changes this one too (Partner Center's documented behaviour).
   */
  companyName: string;
  /** The tenant's own organisation name (the company profile's), which only the customer renames. */
  tenantName: string;
  domain: string;
  email: string | null;
  registrationNumber: string | null;
  companyAddress: StoredAddress;
  relationship: Relationship;
  allowDelegatedAccess: boolean;
  enableGdapByDefault: boolean;
  associatedPartnerId: string | null;
  indirectProviderId: string | null;
  isSandbox: boolean;
  customDomains: string[];
  tags: string[];
  billing: StoredBillingProfile;
  adminUserName: string | null;
  passwordHash: string | null;
  createdAt: string;
}

/** The columns the list returns; a list page never reads the JSON it does not send. */
export interface CustomerListRow {
  seq: number;
  id: string;
  commerceId: string;
  companyName: string;
  domain: string;
  nameKey: string;
  domainKey: string;
  relationship: Relationship;
  associatedPartnerId: string | null;
  tags: string[];
}

export type ListFilter =
  | { field: 'companyName' | 'domain'; prefix: string }
  | { field: 'indirectReseller' | 'indirectProvider'; tenantId: string };

/** Where the previous page ended: the sort key and the row's sequence number. */
export interface ListCursor {
  key: string;
  seq: number;
}

export interface StoredContact {
  firstName: string;
  lastName: string;
  email: string;
  phoneNumber?: string;
}

/** A partner's confirmation that the customer accepted an agreement. */
export interface AgreementRecord {
  customerId: string;
  partnerId: string;
  templateId: string;
  type: string;
  agreementLink: string;
  /** ISO 8601, UTC. */
  dateAgreed: string;
  primaryContact: StoredContact;
  /** The partner user who attested it (the token's `oid`). */
  userId: string;
}

export interface StoredReply {
  status: number;
  body: string;
  headers: Record<string, string>;
}

/** Case-insensitive search key: Unicode-aware lower case, compatibility-normalised. */
export function searchKey(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** The largest code point: `key < prefix + MAX` bounds a prefix range on an index. */
const MAX_CHAR = String.fromCodePoint(0x10ffff);

const schema = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS customers (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  partner_id TEXT NOT NULL,
  commerce_id TEXT NOT NULL,
  company_name TEXT NOT NULL,
  tenant_name TEXT NOT NULL,
  name_key TEXT NOT NULL,
  domain TEXT NOT NULL,
  domain_key TEXT NOT NULL,
  email TEXT,
  registration_number TEXT,
  company_address TEXT NOT NULL,
  relationship TEXT NOT NULL,
  allow_delegated_access INTEGER NOT NULL,
  enable_gdap_by_default INTEGER NOT NULL,
  associated_partner_id TEXT,
  indirect_provider_id TEXT,
  is_sandbox INTEGER NOT NULL,
  custom_domains TEXT NOT NULL,
  tags TEXT NOT NULL,
  billing TEXT NOT NULL,
  billing_etag TEXT NOT NULL,
  admin_user_name TEXT,
  password_hash TEXT,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS domains (
  domain_key TEXT PRIMARY KEY,
  customer_id TEXT REFERENCES customers (id) ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS agreements (
  seq INTEGER PRIMARY KEY,
  customer_id TEXT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  partner_id TEXT NOT NULL,
  template_id TEXT NOT NULL,
  type TEXT NOT NULL,
  agreement_link TEXT NOT NULL,
  date_agreed TEXT NOT NULL,
  primary_contact TEXT NOT NULL,
  user_id TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS agreements_by_customer ON agreements (customer_id, partner_id, seq);
CREATE TABLE IF NOT EXISTS replays (
  partner_id TEXT NOT NULL,
  request_id TEXT NOT NULL,
  method TEXT NOT NULL,
  path TEXT NOT NULL,
  status INTEGER NOT NULL,
  body TEXT NOT NULL,
  headers TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (partner_id, request_id, method, path)
);
`;

/** The list's and the searches' indexes: dropped for a bulk load, built once after it. */
const indexes = `
CREATE INDEX IF NOT EXISTS customers_by_partner ON customers (partner_id, seq);
CREATE INDEX IF NOT EXISTS customers_by_name ON customers (partner_id, name_key, seq);
CREATE INDEX IF NOT EXISTS customers_by_domain ON customers (partner_id, domain_key, seq);
CREATE INDEX IF NOT EXISTS customers_by_reseller ON customers (partner_id, associated_partner_id, seq);
CREATE INDEX IF NOT EXISTS customers_by_provider ON customers (partner_id, indirect_provider_id, seq);
`;
const indexNames = [...indexes.matchAll(/CREATE INDEX IF NOT EXISTS (\w+)/g)].map(
  (match) => match[1],
);

const SCHEMA_VERSION = '3';
/**
 * Versions the current schema only adds tables to: `CREATE TABLE IF NOT EXISTS` upgrades them
 * in place, so their customers and edits are kept (version 3 added the agreements).
 */
const UPGRADABLE_VERSIONS: ReadonlySet<string> = new Set(['2']);

interface CustomerRow {
  seq: number;
  id: string;
  partner_id: string;
  commerce_id: string;
  company_name: string;
  tenant_name: string;
  name_key: string;
  domain: string;
  domain_key: string;
  email: string | null;
  registration_number: string | null;
  company_address: string;
  relationship: Relationship;
  allow_delegated_access: number;
  enable_gdap_by_default: number;
  associated_partner_id: string | null;
  indirect_provider_id: string | null;
  is_sandbox: number;
  custom_domains: string;
  tags: string;
  billing: string;
  billing_etag: string;
  admin_user_name: string | null;
  password_hash: string | null;
  created_at: string;
}

function toRow(record: CustomerRecord): Omit<CustomerRow, 'seq'> {
  const { etag, ...billing } = record.billing;
  return {
    id: record.id,
    partner_id: record.partnerId,
    commerce_id: record.commerceId,
    company_name: record.companyName,
    tenant_name: record.tenantName,
    name_key: searchKey(record.companyName),
    domain: record.domain,
    domain_key: searchKey(record.domain),
    email: record.email,
    registration_number: record.registrationNumber,
    company_address: JSON.stringify(record.companyAddress),
    relationship: record.relationship,
    allow_delegated_access: record.allowDelegatedAccess ? 1 : 0,
    enable_gdap_by_default: record.enableGdapByDefault ? 1 : 0,
    associated_partner_id: record.associatedPartnerId,
    indirect_provider_id: record.indirectProviderId,
    is_sandbox: record.isSandbox ? 1 : 0,
    custom_domains: JSON.stringify(record.customDomains),
    tags: JSON.stringify(record.tags),
    billing: JSON.stringify(billing),
    billing_etag: etag,
    admin_user_name: record.adminUserName,
    password_hash: record.passwordHash,
    created_at: record.createdAt,
  };
}

function fromRow(row: CustomerRow): CustomerRecord {
  return {
    id: row.id,
    partnerId: row.partner_id,
    commerceId: row.commerce_id,
    companyName: row.company_name,
    tenantName: row.tenant_name,
    domain: row.domain,
    email: row.email,
    registrationNumber: row.registration_number,
    companyAddress: JSON.parse(row.company_address) as StoredAddress,
    relationship: row.relationship,
    allowDelegatedAccess: row.allow_delegated_access === 1,
    enableGdapByDefault: row.enable_gdap_by_default === 1,
    associatedPartnerId: row.associated_partner_id,
    indirectProviderId: row.indirect_provider_id,
    isSandbox: row.is_sandbox === 1,
    customDomains: JSON.parse(row.custom_domains) as string[],
    tags: JSON.parse(row.tags) as string[],
    billing: {
      ...(JSON.parse(row.billing) as Omit<StoredBillingProfile, 'etag'>),
      etag: row.billing_etag,
    },
    adminUserName: row.admin_user_name,
    passwordHash: row.password_hash,
    createdAt: row.created_at,
  };
}

const listColumns = `seq, id, commerce_id AS commerceId, company_name AS companyName, domain,
  name_key AS nameKey, domain_key AS domainKey, relationship,
  associated_partner_id AS associatedPartnerId, tags`;

/** The emulator's database: one SQLite file, one connection, synchronous and transactional. */
export class EmulatorStore {
  readonly db: Database.Database;
  readonly #counts = new Map<string, number>();

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    // Random customer ids make inserts touch pages all over the id index; a larger page cache
    // keeps them in memory (64 MiB).
    this.db.pragma('cache_size = -65536');
    const version = this.#tableExists('meta') ? this.getMeta('schema_version') : undefined;
    if (version !== undefined && version !== SCHEMA_VERSION && !UPGRADABLE_VERSIONS.has(version)) {
      this.#dropAll();
    }
    this.db.exec(schema);
    this.db.exec(indexes);
    this.setMeta('schema_version', SCHEMA_VERSION);
  }

  #tableExists(name: string): boolean {
    return Boolean(
      this.db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name),
    );
  }

  #dropAll(): void {
    this.db.exec(
      'DROP TABLE IF EXISTS replays; DROP TABLE IF EXISTS agreements; DROP TABLE IF EXISTS domains; DROP TABLE IF EXISTS customers; DROP TABLE IF EXISTS meta;',
    );
  }

  /**
   * Runs a bulk load (the seed) without the secondary indexes, then builds them in one pass:
   * sorting once is far cheaper than updating five B-trees row by row.
   */
  bulkLoad<T>(load: () => T): T {
    for (const name of indexNames) this.db.exec(`DROP INDEX IF EXISTS ${name}`);
    // A seed that dies half-way is redone at the next start, so it need not be durable.
    this.db.pragma('synchronous = OFF');
    try {
      return load();
    } finally {
      this.db.exec(indexes);
      this.db.exec('ANALYZE');
      this.db.pragma('synchronous = NORMAL');
    }
  }

  /** Empties every table (a reseed). */
  clear(): void {
    this.#counts.clear();
    this.db.exec(
      'DELETE FROM replays; DELETE FROM agreements; DELETE FROM domains; DELETE FROM customers; DELETE FROM meta;',
    );
    this.setMeta('schema_version', SCHEMA_VERSION);
  }

  close(): void {
    this.db.close();
  }

  getMeta(key: string): string | undefined {
    const row = this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as
      { value: string } | undefined;
    return row?.value;
  }

  setMeta(key: string, value: string): void {
    this.db
      .prepare(
        'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      )
      .run(key, value);
  }

  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  /** Inserts many customers in one transaction with prepared statements (the seed). */
  insertCustomers(records: Iterable<CustomerRecord>): number {
    const insert = this.#insertStatement();
    const insertDomain = this.db.prepare(
      'INSERT INTO domains (domain_key, customer_id) VALUES (?, ?)',
    );
    let count = 0;
    this.#counts.clear();
    this.transaction(() => {
      for (const record of records) {
        insert.run(toRow(record));
        for (const domain of [record.domain, ...record.customDomains]) {
          insertDomain.run(searchKey(domain), record.id);
        }
        count += 1;
      }
    });
    return count;
  }

  #insertStatement() {
    const columns = Object.keys(insertableColumns);
    return this.db.prepare(
      `INSERT INTO customers (${columns.join(', ')}) VALUES (${columns.map((column) => `@${column}`).join(', ')})`,
    );
  }

  /** Inserts one customer; call inside `transaction` together with its replay. */
  insertCustomer(record: CustomerRecord): void {
    this.insertCustomers([record]);
  }

  /** Domains that belong to no customer (the partners' own) but are taken all the same. */
  reserveDomains(domains: Iterable<string>): void {
    const insert = this.db.prepare(
      'INSERT OR IGNORE INTO domains (domain_key, customer_id) VALUES (?, NULL)',
    );
    this.transaction(() => {
      for (const domain of domains) insert.run(searchKey(domain));
    });
  }

  /**
   * Counts are asked for with every page; they only change when customers come or go, so
   * they are cached until the next insert or delete (a whole-list count scans 100,000 rows).
   */
  countCustomers(partnerId: string, filter?: ListFilter): number {
    const key = JSON.stringify([partnerId, filter ?? null]);
    const cached = this.#counts.get(key);
    if (cached !== undefined) return cached;
    const { where, params } = filterClause(partnerId, filter);
    const row = this.db
      .prepare(`SELECT COUNT(*) AS count FROM customers WHERE ${where}`)
      .get(params) as { count: number };
    if (this.#counts.size > 10_000) this.#counts.clear();
    this.#counts.set(key, row.count);
    return row.count;
  }

  /**
   * One page in keyset order: by sequence for the whole list and the tenant filters, by
   * (search key, sequence) for the prefix searches, so that the indexes serve both the range
   * and the order, and rows created while a client pages never shift the ones it has not seen.
   */
  listCustomers(
    partnerId: string,
    filter: ListFilter | undefined,
    after: ListCursor | undefined,
    limit: number,
  ): CustomerListRow[] {
    const { where, params, keyColumn } = filterClause(partnerId, filter);
    const keyset = keyColumn
      ? `AND (${keyColumn}, seq) > (@afterKey, @afterSeq) ORDER BY ${keyColumn}, seq`
      : 'AND seq > @afterSeq ORDER BY seq';
    const rows = this.db
      .prepare(`SELECT ${listColumns} FROM customers WHERE ${where} ${keyset} LIMIT @limit`)
      .all({ ...params, afterKey: after?.key ?? '', afterSeq: after?.seq ?? 0, limit }) as (Omit<
      CustomerListRow,
      'tags'
    > & { tags: string })[];
    return rows.map((row) => ({ ...row, tags: JSON.parse(row.tags) as string[] }));
  }

  getCustomer(id: string): CustomerRecord | undefined {
    const row = this.db.prepare('SELECT * FROM customers WHERE id = ?').get(id.toLowerCase()) as
      CustomerRow | undefined;
    return row ? fromRow(row) : undefined;
  }

  isDomainTaken(domain: string): boolean {
    return Boolean(
      this.db.prepare('SELECT 1 FROM domains WHERE domain_key = ?').get(searchKey(domain)),
    );
  }

  /**
   * Replaces the billing profile if its etag is still `expectedEtag` (false when it went stale);
   * the listed name follows the billing company name, the tenant's own name stays.
   */
  updateBilling(id: string, expectedEtag: string, billing: StoredBillingProfile): boolean {
    const { etag, ...rest } = billing;
    const result = this.db
      .prepare(
        `UPDATE customers SET billing = ?, billing_etag = ?, company_name = ?, name_key = ?
         WHERE id = ? AND billing_etag = ?`,
      )
      .run(
        JSON.stringify(rest),
        etag,
        billing.companyName,
        searchKey(billing.companyName),
        id,
        expectedEtag,
      );
    // A rename changes what the company-name searches count.
    if (result.changes === 1) this.#counts.clear();
    return result.changes === 1;
  }

  removeRelationship(id: string): void {
    this.db
      .prepare(
        "UPDATE customers SET relationship = 'none', allow_delegated_access = 0 WHERE id = ?",
      )
      .run(id);
  }

  deleteCustomer(id: string): void {
    this.#counts.clear();
    this.db.prepare('DELETE FROM customers WHERE id = ?').run(id);
  }

  /** Records an attestation; call inside `transaction` together with its replay. */
  insertAgreement(agreement: AgreementRecord): void {
    this.db
      .prepare(
        `INSERT INTO agreements (customer_id, partner_id, template_id, type, agreement_link, date_agreed, primary_contact, user_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        agreement.customerId,
        agreement.partnerId,
        agreement.templateId,
        agreement.type,
        agreement.agreementLink,
        agreement.dateAgreed,
        JSON.stringify(agreement.primaryContact),
        agreement.userId,
      );
  }

  /** The attestations a partner gave for a customer, oldest first. */
  listAgreements(customerId: string, partnerId: string): AgreementRecord[] {
    const rows = this.db
      .prepare(
        `SELECT customer_id AS customerId, partner_id AS partnerId, template_id AS templateId, type,
           agreement_link AS agreementLink, date_agreed AS dateAgreed,
           primary_contact AS primaryContact, user_id AS userId
         FROM agreements WHERE customer_id = ? AND partner_id = ? ORDER BY seq`,
      )
      .all(customerId, partnerId) as (Omit<AgreementRecord, 'primaryContact'> & {
      primaryContact: string;
    })[];
    return rows.map((row) => ({
      ...row,
      primaryContact: JSON.parse(row.primaryContact) as StoredContact,
    }));
  }

  findReplay(
    partnerId: string,
    requestId: string,
    method: string,
    requestPath: string,
  ): StoredReply | undefined {
    const row = this.db
      .prepare(
        'SELECT status, body, headers FROM replays WHERE partner_id = ? AND request_id = ? AND method = ? AND path = ?',
      )
      .get(partnerId, requestId, method, requestPath) as
      { status: number; body: string; headers: string } | undefined;
    return row
      ? {
          status: row.status,
          body: row.body,
          headers: JSON.parse(row.headers) as Record<string, string>,
        }
      : undefined;
  }

  saveReplay(
    partnerId: string,
    requestId: string,
    method: string,
    requestPath: string,
    reply: StoredReply,
    now = Date.now(),
  ): void {
    this.db
      .prepare(
        'INSERT OR REPLACE INTO replays (partner_id, request_id, method, path, status, body, headers, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        partnerId,
        requestId,
        method,
        requestPath,
        reply.status,
        reply.body,
        JSON.stringify(reply.headers),
        now,
      );
  }

  /** Replays are kept a day, like an idempotency window; older ones are forgotten. */
  pruneReplays(olderThan: number): void {
    this.db.prepare('DELETE FROM replays WHERE created_at < ?').run(olderThan);
  }
}

function filterClause(
  partnerId: string,
  filter: ListFilter | undefined,
): { where: string; params: Record<string, string>; keyColumn?: 'name_key' | 'domain_key' } {
  const params: Record<string, string> = { partnerId };
  if (!filter) return { where: 'partner_id = @partnerId', params };
  switch (filter.field) {
    case 'companyName':
    case 'domain': {
      const keyColumn = filter.field === 'companyName' ? 'name_key' : 'domain_key';
      const prefix = searchKey(filter.prefix);
      return {
        where: `partner_id = @partnerId AND ${keyColumn} >= @prefix AND ${keyColumn} < @prefixEnd`,
        params: { ...params, prefix, prefixEnd: prefix + MAX_CHAR },
        keyColumn,
      };
    }
    case 'indirectReseller':
      return {
        where: 'partner_id = @partnerId AND associated_partner_id = @tenant',
        params: { ...params, tenant: filter.tenantId },
      };
    case 'indirectProvider':
      return {
        where: 'partner_id = @partnerId AND indirect_provider_id = @tenant',
        params: { ...params, tenant: filter.tenantId },
      };
  }
}

/** Every column but `seq`; `satisfies` keeps this list and `toRow` in step. */
const insertableColumns = {
  id: true,
  partner_id: true,
  commerce_id: true,
  company_name: true,
  tenant_name: true,
  name_key: true,
  domain: true,
  domain_key: true,
  email: true,
  registration_number: true,
  company_address: true,
  relationship: true,
  allow_delegated_access: true,
  enable_gdap_by_default: true,
  associated_partner_id: true,
  indirect_provider_id: true,
  is_sandbox: true,
  custom_domains: true,
  tags: true,
  billing: true,
  billing_etag: true,
  admin_user_name: true,
  password_hash: true,
  created_at: true,
} satisfies Record<keyof Omit<CustomerRow, 'seq'>, true>;
