import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { companyNameProblem } from './onboarding-rules.ts';
import { seedIfNeeded } from './seed.ts';
import { EmulatorStore } from './store.ts';
import { instantOf } from './wire.ts';

describe('companyNameProblem (Partner Center’s refusals, not its warnings)', () => {
  it.each([
    'a',
    'Z',
    '7',
    'é',
    'e\u0301',
    '株',
    '!!!',
    '---',
    '🚀🌟',
    '   ',
    '\t',
    'Ltd',
    'ltd.',
    'LLC',
    'L.L.C.',
    'Inc.',
    'GmbH',
    'Pty Ltd',
    'Pty. Ltd.',
    'Sdn. Bhd.',
    'OOO',
    'ООО',
    'Kft.',
    'Zrt.',
    'S.A.R.L.',
    'Lda',
    'W.L.L.',
    'PLC',
    'AG',
    'S.A.',
    'S.r.l.',
    'B.V.',
    'N.V.',
    'AB',
    'A/S',
    'A.Ş.',
    'Oy',
    'S.p.A.',
    'K.K.',
    'Co.',
    'Co., Ltd.',
    'Corp',
    'Limited',
    'Company',
    '株式会社',
  ])('refuses %j', (name) => {
    expect(companyNameProblem(name)).toBeDefined();
  });

  it.each([
    '999',
    'contoso.com',
    'fabrikam.org',
    '1 2 3',
    'x y z',
    'Café Ltd',
    '株式会社テスト',
    'ООО «Ромашка» & Co',
    'شركة الحلول الرقمية المتقدمة',
    'AB Volvo',
    'Contoso Ltd',
    'Limited Edition Toys',
    'Incognito',
    '3M',
    'X5',
  ])('accepts %j', (name) => {
    expect(companyNameProblem(name)).toBeUndefined();
  });
});

describe('instantOf (dateAgreed)', () => {
  it.each([
    ['2026-12-01', '2026-12-01T00:00:00.000Z'],
    ['2026-11-24T09:30:00Z', '2026-11-24T09:30:00.000Z'],
    ['2026-11-24T09:30:00.1234567Z', '2026-11-24T09:30:00.123Z'],
    ['2026-11-24T09:30', '2026-11-24T09:30:00.000Z'],
    ['2026-11-24t09:30:00z', '2026-11-24T09:30:00.000Z'],
    ['2026-11-24T11:30:00+02:00', '2026-11-24T09:30:00.000Z'],
    ['2026-11-24T04:00:00-0530', '2026-11-24T09:30:00.000Z'],
    ['2024-02-29', '2024-02-29T00:00:00.000Z'],
  ])('reads %s as %s', (text, iso) => {
    expect(instantOf(text)?.toISOString()).toBe(iso);
  });

  it.each([
    'yesterday',
    '',
    '2026-02-30',
    '2025-02-29',
    '2026-13-01',
    '2026-11-24T24:00:00Z',
    '2026-11-24T09:60:00Z',
    '2026-11-24T09:30:00+15:00',
    '24/11/2026',
    '2026-11-24T09:30:00Zjunk',
  ])('refuses %j', (text) => {
    expect(instantOf(text)).toBeUndefined();
  });
});

describe('schema upgrade', () => {
  async function withDatabase(run: (file: string) => void) {
    const dir = await mkdtemp(path.join(tmpdir(), 'emulator-schema-'));
    try {
      run(path.join(dir, 'emulator.sqlite'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  it('adds the agreements table to a version 2 database and keeps its customers and edits', () =>
    withDatabase((file) => {
      const old = new EmulatorStore(file);
      seedIfNeeded(old, { customers: 10, reset: false });
      const id = (old.db.prepare('SELECT id FROM customers LIMIT 1').get() as { id: string }).id;
      old.db.prepare('UPDATE customers SET tags = \'["Edited"]\' WHERE id = ?').run(id);
      old.db.exec('DROP TABLE agreements');
      old.setMeta('schema_version', '2');
      old.close();

      const upgraded = new EmulatorStore(file);
      expect(upgraded.getMeta('schema_version')).toBe('3');
      expect(upgraded.getCustomer(id)?.tags).toEqual(['Edited']);
      expect(seedIfNeeded(upgraded, { customers: 10, reset: false })).toBeUndefined();
      expect(upgraded.listAgreements(id, upgraded.getCustomer(id)?.partnerId ?? '')).toEqual([]);
      upgraded.close();
    }));

  it('starts over from a schema it cannot upgrade', () =>
    withDatabase((file) => {
      const old = new EmulatorStore(file);
      seedIfNeeded(old, { customers: 10, reset: false });
      old.setMeta('schema_version', '1');
      old.close();

      const rebuilt = new EmulatorStore(file);
      expect(rebuilt.getMeta('seed')).toBeUndefined();
      expect(rebuilt.db.prepare('SELECT COUNT(*) AS n FROM customers').get()).toEqual({ n: 0 });
      rebuilt.close();
    }));

  it('deletes a customer’s attestations with the customer', () => {
    const store = new EmulatorStore(':memory:');
    seedIfNeeded(store, { customers: 10, reset: false });
    const customer = store.getCustomer(
      (store.db.prepare('SELECT id FROM customers LIMIT 1').get() as { id: string }).id,
    );
    if (!customer) throw new Error('no seeded customer');
    store.insertAgreement({
      customerId: customer.id,
      partnerId: customer.partnerId,
      templateId: '117a1e1b-5f2c-4b8d-9e36-0a4c7d2f18b5',
      type: 'MicrosoftCustomerAgreement',
      agreementLink: 'https://aka.ms/customeragreement',
      dateAgreed: '2026-12-01T00:00:00.000Z',
      primaryContact: { firstName: 'A', lastName: 'B', email: 'a@example.com' },
      userId: 'u',
    });
    expect(store.listAgreements(customer.id, customer.partnerId)).toHaveLength(1);
    store.deleteCustomer(customer.id);
    expect(store.db.prepare('SELECT COUNT(*) AS n FROM agreements').get()).toEqual({ n: 0 });
    store.close();
  });
});
