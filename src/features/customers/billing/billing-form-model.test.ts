import { describe, expect, it } from 'vitest';
import { billingProfileSchema, type BillingProfile } from '@/api/partner-center/resources';
import { createBillingProfileSchema } from '@/countries/customer-profile-schemas';
import { changedFields } from '@/forms/changed-fields';
import {
  billingFieldLabel,
  billingFields,
  billingValuesFromFlat,
  flatBillingValues,
  formValuesOf,
  profileToSend,
  type BillingFormValues,
} from './billing-form-model';

const latest: BillingProfile = billingProfileSchema.parse({
  id: 'b1',
  firstName: 'Jan',
  lastName: 'Kowalski',
  email: 'jan@acme.example',
  culture: 'pl-PL',
  language: 'pl',
  companyName: 'acme gmbh',
  defaultAddress: {
    country: 'PL',
    addressLine1: 'ul. Prosta 51',
    addressLine2: 'piętro 3',
    city: 'Warszawa',
    postalCode: '00-838',
    firstName: 'Jan',
    lastName: 'Kowalski',
    phoneNumber: '221234567',
  },
  links: { self: { uri: '/customers/c1/profiles/billing', method: 'GET', headers: [] } },
  attributes: { etag: 'etag-1', objectType: 'CustomerBillingProfile' },
  // A field Partner Center may add that the portal does not know: sent back untouched.
  vatId: 'PL5261040828',
});

function send(edit: (values: BillingFormValues) => void) {
  const values = formValuesOf(latest);
  edit(values);
  const output = createBillingProfileSchema().parse(values);
  const changed = changedFields(
    billingFields,
    flatBillingValues(formValuesOf(latest)),
    flatBillingValues(values),
  ).map((change) => change.field);
  return profileToSend(latest, output, changed);
}

describe('the billing contact form model', () => {
  it('holds every field of the profile and its address as text, and back', () => {
    const values = formValuesOf(latest);
    expect(values.defaultAddress.addressLine3).toBe('');
    expect(billingValuesFromFlat(flatBillingValues(values))).toEqual(values);
    expect(Object.keys(flatBillingValues(values)).sort()).toEqual([...billingFields].sort());
  });

  it('sends a change of case alone, and keeps what the portal does not model', () => {
    const body = send((values) => (values.companyName = 'ACME GmbH'));
    expect(body.companyName).toBe('ACME GmbH');
    expect((body as Record<string, unknown>).vatId).toBe('PL5261040828');
    expect(body.attributes.etag).toBe('etag-1');
  });

  it('clears a cleared optional field by leaving it out of the whole-resource PUT', () => {
    const body = send((values) => (values.defaultAddress.addressLine2 = ''));
    expect('addressLine2' in body.defaultAddress).toBe(false);
    expect(body.defaultAddress.city).toBe('Warszawa');
  });

  it('sends changed fields as the schema normalised them, unchanged ones as they were', () => {
    const body = send((values) => {
      values.defaultAddress.postalCode = '00950';
      values.defaultAddress.phoneNumber = '+48 22 123 45 67';
    });
    expect(body.defaultAddress.postalCode).toBe('00-950');
    expect(body.defaultAddress.phoneNumber).toBe('221234567');
    expect(body.defaultAddress.addressLine1).toBe('ul. Prosta 51');
  });

  it('derives the language from a changed culture', () => {
    const usLatest = { ...latest, culture: 'en-US', language: 'en' };
    const values = formValuesOf(usLatest);
    values.culture = 'pl-PL';
    const output = createBillingProfileSchema().parse(values);
    expect(profileToSend(usLatest, output, ['culture']).language).toBe('pl');
  });

  it('labels fields with the words of the address’s country, names of the contact apart', () => {
    expect(billingFieldLabel('defaultAddress.postalCode', 'US', undefined)).toBe('ZIP code');
    expect(billingFieldLabel('defaultAddress.state', 'RU', undefined)).toBe('Oblast');
    expect(billingFieldLabel('defaultAddress.firstName', 'PL', undefined)).toBe(
      'First name (address)',
    );
    expect(billingFieldLabel('firstName', 'PL', undefined)).toBe('First name');
  });
});
