import { describe, expect, it } from 'vitest';
import {
  customersSearchSchema,
  defaultCustomersSearch,
  formatSort,
  parseSort,
} from './customers-search';

describe('the list view in the URL', () => {
  it('has defaults for a plain /customers', () => {
    expect(defaultCustomersSearch).toMatchObject({
      q: '',
      relationship: [],
      reseller: 'any',
      sort: 'companyName',
      density: 'comfortable',
    });
    expect(defaultCustomersSearch.columns).toContain('companyName');
  });

  it('falls back field by field when a link carries something unusable', () => {
    const parsed = customersSearchSchema.parse({
      q: 'contoso',
      sort: 'DROP TABLE',
      columns: ['companyName', 'companyName'],
      reseller: 'not-a-guid',
      density: 'huge',
      relationship: 'reseller',
    });
    expect(parsed).toEqual({ ...defaultCustomersSearch, q: 'contoso' });
  });

  it('keeps a valid view as it is', () => {
    const view = {
      q: 'ромашка',
      relationship: ['advisor'],
      reseller: 'c7d4a1e8-2b5f-4e9c-8a3d-6f1b0e2c4d97',
      sort: '-domain',
      columns: ['domain', 'tags'],
      density: 'compact',
    };
    expect(customersSearchSchema.parse(view)).toEqual(view);
  });

  it('reads and writes the sort', () => {
    expect(parseSort('-domain')).toEqual({ column: 'domain', desc: true });
    expect(parseSort('none')).toBeUndefined();
    expect(formatSort({ column: 'tags', desc: false })).toBe('tags');
    expect(formatSort(undefined)).toBe('none');
  });
});
