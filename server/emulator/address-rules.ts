import { countryName, countryValidationRules } from './countries/country-rules.ts';
import { checkPhoneNumber } from './countries/phones.ts';
import { badRequest, errorCodes, PartnerCenterError } from './errors.ts';
import type { StoredAddress } from './store.ts';
import type { WireAddress } from './wire.ts';

function invalid(field: string, description: string): PartnerCenterError {
  return badRequest(description, errorCodes.invalidProperty, [field]);
}

function blank(value: string | null | undefined): boolean {
  return !value?.trim();
}

/**
 * Partner Center's server-side address rules, from its own country validation rules: required
 * city, state (from the country's list) and postal code (matching the country's pattern), and
 * the phone number where registration numbers are required. Returns the address as stored.
 */
export function checkAddress(address: WireAddress, field: string): StoredAddress {
  const rules = countryValidationRules(address.country);
  const where = countryName(address.country);
  let state = address.state?.trim() || undefined;
  if (rules) {
    if (rules.isCityRequired && blank(address.city)) {
      throw invalid(`${field}.city`, `The city is required for addresses in ${where}.`);
    }
    if (rules.isStateRequired) {
      if (!state) {
        throw invalid(`${field}.state`, `The state is required for addresses in ${where}.`);
      }
      const listed = rules.supportedStatesList.find(
        (candidate) => candidate.toLowerCase() === state?.toLowerCase(),
      );
      if (!listed) {
        throw invalid(`${field}.state`, `"${state}" is not a state or region of ${where}.`);
      }
      state = listed;
    }
    const postalCode = address.postalCode?.trim();
    if (rules.isPostalCodeRequired && !postalCode) {
      throw invalid(
        `${field}.postalCode`,
        `The postal code is required for addresses in ${where}.`,
      );
    }
    if (
      postalCode &&
      rules.postalCodeRegex &&
      !new RegExp(rules.postalCodeRegex).test(postalCode)
    ) {
      throw invalid(
        `${field}.postalCode`,
        `"${postalCode}" is not a postal code of ${where} (expected the format ${rules.postalCodeRegex}).`,
      );
    }
  }
  const phone = checkPhoneNumber(address.country, address.phoneNumber ?? undefined);
  if (!phone.ok) {
    throw new PartnerCenterError(400, phone.code, phone.description, [`${field}.phoneNumber`]);
  }
  const stored: StoredAddress = {
    country: address.country,
    addressLine1: address.addressLine1.trim(),
  };
  for (const key of [
    'region',
    'city',
    'addressLine2',
    'addressLine3',
    'postalCode',
    'firstName',
    'lastName',
    'middleName',
    'phoneNumber',
    'district',
  ] as const) {
    const value = address[key]?.trim();
    if (value) stored[key] = value;
  }
  if (state) stored.state = state;
  return stored;
}

/** The culture must be one the country supports (Partner Center's supportedCulturesList). */
export function checkCulture(country: string, culture: string, field: string): string {
  const rules = countryValidationRules(country);
  if (!rules) return culture;
  const supported = rules.supportedCulturesList.find(
    (candidate) => candidate.toLowerCase() === culture.toLowerCase(),
  );
  if (!supported) {
    throw invalid(
      field,
      `The culture "${culture}" is not supported for ${countryName(country)}; use one of ${rules.supportedCulturesList.join(', ')}.`,
    );
  }
  return supported;
}
