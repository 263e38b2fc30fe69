import type {
  AddressValidationRequest,
  AddressValidationResponse,
  ValidatedAddress,
} from '@/api/partner-center/resources';
import { ApiError } from '@/api/partner-center/api-error';
import { sameValue } from '@/forms/three-way-merge';

/** The address fields Partner Center's validation reads and may correct. */
export const validatedFields = [
  'addressLine1',
  'addressLine2',
  'addressLine3',
  'city',
  'state',
  'postalCode',
] as const;
export type ValidatedField = (typeof validatedFields)[number];

export type AddressVerdict =
  | { kind: 'verified' }
  | {
      kind: 'suggested';
      suggestion: ValidatedAddress;
      differences: ValidatedField[];
      message?: string;
    }
  | { kind: 'unverified'; status: string; message?: string };

/** What Partner Center's validation is asked: the address fields it reads, blanks left out. */
export function validationRequestOf(
  address: Partial<Record<ValidatedField, string>> & { country: string },
): AddressValidationRequest {
  const request: AddressValidationRequest = { country: address.country.trim().toUpperCase() };
  for (const field of validatedFields) {
    const value = address[field]?.trim();
    if (value) request[field] = value;
  }
  return request;
}

/** The fields in which a suggestion differs from what was typed, for marking them. */
export function addressDifferences(
  typed: Partial<Record<ValidatedField, string>>,
  suggested: ValidatedAddress,
): ValidatedField[] {
  return validatedFields.filter((field) => !sameValue(typed[field], suggested[field]));
}

/**
 * Partner Center's answer as a decision for the form: verified, a suggestion to offer beside
 * the typed address, or "could not verify" with its reason. The check is advisory: none of
 * these stops a save the user wants.
 */
export function addressVerdict(
  typed: Partial<Record<ValidatedField, string>>,
  response: AddressValidationResponse,
): AddressVerdict {
  if (response.status === 'Verified' || response.status === 'VerifiedShippable') {
    return { kind: 'verified' };
  }
  for (const suggestion of response.suggestedAddresses) {
    const differences = addressDifferences(typed, suggestion);
    // A "suggestion" identical to the typed address offers nothing to choose.
    if (differences.length > 0) {
      return {
        kind: 'suggested',
        suggestion,
        differences,
        ...(response.validationMessage ? { message: response.validationMessage } : {}),
      };
    }
  }
  return {
    kind: 'unverified',
    status: response.status,
    ...(response.validationMessage ? { message: response.validationMessage } : {}),
  };
}

/** The validated fields of an address as Partner Center's check is asked them: blanks left out. */
export function typedAddressOf(
  address: Readonly<Partial<Record<ValidatedField, string | undefined>>>,
): Partial<Record<ValidatedField, string>> {
  const typed: Partial<Record<ValidatedField, string>> = {};
  for (const field of validatedFields) {
    const value = address[field]?.trim();
    if (value) typed[field] = value;
  }
  return typed;
}

/**
 * A suggestion taken: every validated field's new value for the form ('' where the suggestion
 * has none, so a line it drops is cleared), and the address that then stands as settled.
 */
export function acceptedSuggestion(suggestion: ValidatedAddress): {
  values: Record<ValidatedField, string>;
  settled: Partial<Record<ValidatedField, string>>;
} {
  const values = Object.fromEntries(
    validatedFields.map((field) => [field, suggestion[field] ?? '']),
  ) as Record<ValidatedField, string>;
  return { values, settled: typedAddressOf(values) };
}

/** Why the address could not be checked, in words for the note beside the form. */
export function whyAddressUnchecked(error: unknown): string {
  if (error instanceof ApiError && error.kind === 'network') return 'the connection failed';
  if (error instanceof ApiError && error.isThrottled) return 'Partner Center’s limit was reached';
  return 'Partner Center could not be asked';
}
