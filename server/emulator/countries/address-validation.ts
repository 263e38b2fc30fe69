import { countryName, countryValidationRules } from './country-rules.ts';
import { seedCountries, type SeedPlace } from './seed-countries.ts';

/** The request body; null is accepted where JSON clients send it for an empty field. */
export interface AddressInput {
  addressLine1?: string | null;
  addressLine2?: string | null;
  addressLine3?: string | null;
  city?: string | null;
  state?: string | null;
  postalCode?: string | null;
  country: string;
}

export type AddressValidationStatus =
  | 'VerifiedShippable'
  | 'Verified'
  | 'InteractionRequired'
  | 'StreetPartial'
  | 'PremisesPartial'
  | 'Multiple'
  | 'None'
  | 'NotValidated';

export interface AddressValidationResult {
  originalAddress: AddressInput;
  suggestedAddresses: AddressInput[];
  status: AddressValidationStatus;
  validationMessage?: string;
}

/** Digits, or a number written out as Microsoft's own "One Microsoft Way" is. */
function hasPremisesNumber(line: string): boolean {
  return /\d|\b(one|two|three|four|five|six|seven|eight|nine|ten)\b/i.test(line);
}

/** Trims and collapses inner runs of whitespace; blank becomes undefined. */
function tidy(value: string | null | undefined): string | undefined {
  const text = value?.replace(/\s+/g, ' ').trim();
  return text ? text : undefined;
}

/**
 * The key two spellings of one name share: no case, no accents, no punctuation, single spaces.
 * "MÜNCHEN ", "munchen" and "München" are one city; so are "Be’er Sheva" and "Beer Sheva".
 */
function key(value: string | undefined): string {
  return (value ?? '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’'`.]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Postal codes written with or without their space or dash ("1012RJ", "01310200"). */
function postalKey(value: string | undefined): string {
  return (value ?? '').toUpperCase().replace(/[\s-]/g, '');
}

const placesByCountry = new Map<string, readonly SeedPlace[]>(
  seedCountries.map((country) => [country.code, country.places]),
);

interface Tidy {
  addressLine1?: string;
  addressLine2?: string;
  addressLine3?: string;
  city?: string;
  state?: string;
  postalCode?: string;
  country: string;
}

function tidied(input: AddressInput): Tidy {
  const result: Tidy = { country: input.country.trim().toUpperCase() };
  for (const field of [
    'addressLine1',
    'addressLine2',
    'addressLine3',
    'city',
    'state',
    'postalCode',
  ] as const) {
    const value = tidy(input[field]);
    if (value) result[field] = value;
  }
  return result;
}

function suggestion(address: Tidy, place: SeedPlace): AddressInput {
  const suggested: AddressInput = { ...address, city: place.city };
  if (place.state) suggested.state = place.state;
  if (place.postalCode) suggested.postalCode = place.postalCode;
  return suggested;
}

function result(
  input: AddressInput,
  status: AddressValidationStatus,
  validationMessage?: string,
  suggestedAddresses: AddressInput[] = [],
): AddressValidationResult {
  return {
    originalAddress: input,
    suggestedAddresses,
    status,
    ...(validationMessage ? { validationMessage } : {}),
  };
}

/**
 * What is missing from the street line once the city is settled. The emulator has no street
 * directory, so it checks only that a street is there and that it carries a house or building
 * number.
 */
function streetStatus(
  input: AddressInput,
  address: Tidy,
  verified: 'VerifiedShippable' | 'Verified',
  message?: string,
): AddressValidationResult {
  if (!address.addressLine1) {
    return result(
      input,
      'StreetPartial',
      'The street address is missing; add the street and the house or building number.',
    );
  }
  if (!hasPremisesNumber(address.addressLine1)) {
    return result(
      input,
      'PremisesPartial',
      'The street address has no house or building number: add it so that the address is deliverable.',
    );
  }
  return result(input, verified, message);
}

/**
 * The emulator's `POST /v1/validations/address`: deterministic, from the country's rules and
 * the seed's known places. It never changes the original; corrections come as suggestions.
 */
export function validateAddress(input: AddressInput): AddressValidationResult {
  const address = tidied(input);
  const rules = countryValidationRules(address.country);
  const where = countryName(address.country);
  if (!rules) {
    return result(input, 'NotValidated', `Addresses in ${where} cannot be validated.`);
  }

  if (rules.isCityRequired && !address.city) {
    return result(input, 'None', `The city is missing; it is required for addresses in ${where}.`);
  }
  let state = address.state;
  let stateRespelled = false;
  if (rules.isStateRequired) {
    if (!state) {
      return result(
        input,
        'None',
        `The state or province is missing; it is required for addresses in ${where}.`,
      );
    }
    const given = state;
    const listed =
      rules.supportedStatesList.find((name) => name === given) ??
      rules.supportedStatesList.find((name) => key(name) === key(given));
    if (!listed) {
      return result(input, 'None', `"${given}" is not a state or province of ${where}.`);
    }
    stateRespelled = listed !== given;
    state = listed;
  }
  if (rules.isPostalCodeRequired && !address.postalCode) {
    return result(
      input,
      'None',
      `The postal code is missing; it is required for addresses in ${where}.`,
    );
  }
  let postalCode = address.postalCode;
  let postalRespelled = false;
  if (postalCode && !rules.postalCodeRegex) {
    // People type 00000 where a form insists on a code the country does not have; the
    // suggestion drops it rather than refusing the address.
    postalCode = undefined;
    postalRespelled = true;
  }
  if (postalCode) {
    const pattern = new RegExp(rules.postalCodeRegex);
    if (!pattern.test(postalCode) && pattern.test(postalCode.toUpperCase())) {
      postalCode = postalCode.toUpperCase();
      postalRespelled = true;
    }
    if (!pattern.test(postalCode)) {
      return result(
        input,
        'None',
        `"${postalCode}" is not a postal code of ${where}; expected the format ${rules.postalCodeRegex}.`,
      );
    }
  }

  const checked: Tidy = { ...address, ...(state ? { state } : {}) };
  if (postalCode) checked.postalCode = postalCode;
  else delete checked.postalCode;
  const places = (placesByCountry.get(address.country) ?? []).filter(
    (place) => key(place.city) === key(address.city),
  );
  if (places.length === 0) {
    if (stateRespelled || postalRespelled) {
      return result(input, 'InteractionRequired', describe(address, checked, where), [checked]);
    }
    return streetStatus(
      input,
      address,
      'Verified',
      'The address has the right form, but its city is not one the emulator knows.',
    );
  }

  // A given state that rules out some places of that name keeps the others; one that rules
  // out all of them is itself the likely mistake.
  const inState = places.filter((place) => !place.state || place.state === state);
  const candidates = inState.length > 0 ? inState : places;
  // A place without a known postal code accepts any well-formed one.
  const samePostal = candidates.filter(
    (place) => !place.postalCode || postalKey(place.postalCode) === postalKey(postalCode),
  );

  const exact = samePostal.find(
    (place) =>
      place.city === address.city &&
      !postalRespelled &&
      (!place.postalCode || place.postalCode === address.postalCode) &&
      (!place.state || place.state === address.state),
  );
  if (exact) return streetStatus(input, address, 'VerifiedShippable');

  const matches = samePostal.length > 0 ? samePostal : candidates;
  if (matches.length === 1 && matches[0]) {
    const corrected = suggestion(checked, matches[0]);
    return result(input, 'InteractionRequired', describe(address, corrected, where), [corrected]);
  }
  return result(
    input,
    'Multiple',
    `Several places in ${where} match "${address.city}"; choose one of the suggested addresses.`,
    matches.map((place) => suggestion(checked, place)),
  );
}

/** Says in plain words what the suggestion changes. */
function describe(address: Tidy, corrected: AddressInput, where: string): string {
  const notes: string[] = [];
  if (corrected.city && corrected.city !== address.city) {
    notes.push(`the city is spelled "${corrected.city}"`);
  }
  if (corrected.state && corrected.state !== address.state) {
    notes.push(
      key(corrected.state) === key(address.state)
        ? `the state is spelled "${corrected.state}"`
        : `${corrected.city ?? 'the city'} is in ${corrected.state}`,
    );
  }
  if (corrected.postalCode && corrected.postalCode !== address.postalCode) {
    notes.push(
      postalKey(corrected.postalCode) === postalKey(address.postalCode)
        ? `the postal code is written "${corrected.postalCode}"`
        : `the postal code of ${corrected.city ?? 'the city'} is ${corrected.postalCode}`,
    );
  }
  if (!corrected.postalCode && address.postalCode) {
    notes.push(`addresses in ${where} have no postal code`);
  }
  const text = notes.join('; ');
  if (!text) return 'The address is written differently from the known place; use the suggestion.';
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}; use the suggested address.`;
}
