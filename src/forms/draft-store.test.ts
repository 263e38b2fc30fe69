import 'fake-indexeddb/auto';
import { createStore, set } from 'idb-keyval';
import { beforeEach, describe, expect, it } from 'vitest';
import { countDrafts, deleteAccountDrafts, type DraftKey } from './draft-keys';
import { deleteDraft, listDrafts, readDraft, writeDraft } from './draft-store';

const adele: DraftKey = {
  tenantId: 'contoso',
  homeAccountId: 'adele.contoso',
  form: 'billing-contact',
  subject: 'customer-1',
};
const draft = {
  savedAt: 1_700_000_000_000,
  values: { companyName: 'ACME GmbH', 'defaultAddress.city': '' },
  base: { companyName: 'acme gmbh', 'defaultAddress.city': 'Berlin' },
  baseEtag: 'etag-1',
};

beforeEach(async () => {
  for (const key of [adele, { ...adele, subject: 'customer-2' }]) await deleteDraft(key);
  await deleteAccountDrafts('adele.contoso');
  await deleteAccountDrafts('megan.contoso');
});

describe('the draft store', () => {
  it('keeps a draft per account, form and customer, exactly as written', async () => {
    await writeDraft(adele, draft);
    expect(await readDraft(adele)).toEqual(draft);
    expect(await readDraft({ ...adele, subject: 'customer-2' })).toBeUndefined();
    expect(await readDraft({ ...adele, form: 'new-customer' })).toBeUndefined();
    expect(await readDraft({ ...adele, homeAccountId: 'megan.contoso' })).toBeUndefined();
    expect(await readDraft({ ...adele, tenantId: 'fabrikam' })).toBeUndefined();
  });

  it('deletes a draft after a save or on Discard', async () => {
    await writeDraft(adele, draft);
    await deleteDraft(adele);
    expect(await readDraft(adele)).toBeUndefined();
  });

  it('counts and deletes only the signing-out account’s drafts', async () => {
    const megan = { ...adele, homeAccountId: 'megan.contoso' };
    await writeDraft(adele, draft);
    await writeDraft({ ...adele, subject: 'customer-2' }, draft);
    await writeDraft(megan, draft);
    expect(await countDrafts('adele.contoso')).toBe(2);
    await deleteAccountDrafts('adele.contoso');
    expect(await countDrafts('adele.contoso')).toBe(0);
    expect(await readDraft(megan)).toEqual(draft);
  });

  it('reads a damaged or outdated draft as none, and forgets it', async () => {
    const raw = createStore('partner-customers-portal-drafts', 'drafts');
    const key = 'contoso|adele.contoso|billing-contact|customer-1';
    for (const damaged of [{ version: 0, ...draft }, { version: 1, values: 'x' }, 'garbage']) {
      await set(key, damaged, raw);
      expect(await readDraft(adele)).toBeUndefined();
      expect(await countDrafts('adele.contoso')).toBe(0);
    }
  });

  it('lists one form’s drafts of one account, newest first, with what they keep beside', async () => {
    const onboarding = { ...adele, form: 'new-customer' };
    const older = { ...draft, savedAt: 1, meta: { requestId: 'r-1', reached: 'domain' } };
    const newer = { ...draft, savedAt: 2, meta: { requestId: 'r-2', reached: 'company' } };
    await writeDraft({ ...onboarding, subject: 'a' }, older);
    await writeDraft({ ...onboarding, subject: 'b' }, newer);
    await writeDraft(adele, draft);
    await writeDraft({ ...onboarding, homeAccountId: 'megan.contoso', subject: 'c' }, draft);
    const { subject: _subject, ...owner } = onboarding;
    expect(await listDrafts(owner)).toEqual([
      { subject: 'b', draft: newer },
      { subject: 'a', draft: older },
    ]);
  });
});
