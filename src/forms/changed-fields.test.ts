import { describe, expect, it } from 'vitest';
import { changedFields } from './changed-fields';

const fields = ['companyName', 'email', 'addressLine2', 'city'] as const;
const base = {
  companyName: 'acme gmbh',
  email: 'billing@acme.example',
  addressLine2: 'Suite 5',
  city: 'Berlin',
};

describe('changedFields', () => {
  it('counts a change of case alone', () => {
    expect(changedFields(fields, base, { ...base, companyName: 'ACME GmbH' })).toEqual([
      { field: 'companyName', from: 'acme gmbh', to: 'ACME GmbH' },
    ]);
  });

  it('counts a cleared field as a change to empty', () => {
    expect(changedFields(fields, base, { ...base, addressLine2: '' })).toEqual([
      { field: 'addressLine2', from: 'Suite 5', to: '' },
    ]);
  });

  it('ignores space around a value, which the schemas trim before sending', () => {
    expect(changedFields(fields, base, { ...base, city: '  Berlin ' })).toEqual([]);
  });

  it('lists changes in the order of the fields, not of the edits', () => {
    const changed = changedFields(fields, base, { ...base, city: 'Potsdam', email: 'a@b.de' });
    expect(changed.map((change) => change.field)).toEqual(['email', 'city']);
  });
});
