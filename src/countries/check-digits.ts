/**
 * Check-digit algorithms that `stdnum` 1.12.0 lacks or gets wrong (COUNTRY-RULES.md §3):
 * - AZ VÖEN: `stdnum/az/tin` checks only the length and the last digit, so it accepts every
 *   corrupted check digit (`1401555081` passes; the check digit of `14015550` is 7).
 * - KZ BIN/IIN: `stdnum` has no Kazakh module at all.
 * - HU adószám in its 11-digit form: `stdnum/hu/anum` knows only the 8-digit core
 *   (`12892312-2-41` is InvalidLength there), so the long form is wrapped here.
 * Every function takes a normalised value (digits only, no separators).
 */

/** The digits of a numeric string; callers have checked that it is one. */
export function digitsOf(value: string): number[] {
  return Array.from(value, Number);
}

/** Σ wᵢ·dᵢ over as many digits as there are weights. */
export function weightedSum(digits: readonly number[], weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i += 1) sum += (weights[i] ?? 0) * (digits[i] ?? 0);
  return sum;
}

const azWeights = [4, 1, 8, 6, 2, 7, 5, 3];

/** The VÖEN's ninth digit for its first eight, or undefined when the remainder is 10. */
export function azVoenCheckDigit(first8: readonly number[]): number | undefined {
  const c = weightedSum(first8, azWeights) % 11;
  return c <= 9 ? c : undefined;
}

/** A 10-digit VÖEN: check digit in position 9, then 1 (legal person) or 2 (natural person). */
export function isValidAzVoen(value: string): boolean {
  if (!/^\d{9}[12]$/.test(value)) return false;
  const digits = digitsOf(value);
  return azVoenCheckDigit(digits) === digits[8];
}

const kzFirstPass = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const kzSecondPass = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

/**
 * The twelfth digit of a BIN or IIN for its first eleven: mod 11 with weights 1–11, and when
 * that leaves 10, a second pass with weights 3–11, 1, 2; undefined when that leaves 10 too
 * (such a body is never issued).
 */
export function kzCheckDigit(first11: readonly number[]): number | undefined {
  const first = weightedSum(first11, kzFirstPass) % 11;
  if (first !== 10) return first;
  const second = weightedSum(first11, kzSecondPass) % 11;
  return second === 10 ? undefined : second;
}

export function isValidKzBinIin(value: string): boolean {
  if (!/^\d{12}$/.test(value)) return false;
  const digits = digitsOf(value);
  return kzCheckDigit(digits) === digits[11];
}

const huWeights = [9, 7, 3, 1, 9, 7, 3];

/** The eighth digit of the adószám core: (9,7,3,1,9,7,3,1)·d ≡ 0 (mod 10). */
export function huCoreCheckDigit(first7: readonly number[]): number {
  return (10 - (weightedSum(first7, huWeights) % 10)) % 10;
}

/**
 * The 11-digit adószám `NNNNNNNN-V-CC`: the checked 8-digit core, the VAT status digit 1–5 and
 * a 2-digit county code; neither of the last two carries a check digit.
 */
export function isValidHuTaxNumber(value: string): boolean {
  if (!/^\d{8}[1-5]\d{2}$/.test(value)) return false;
  const digits = digitsOf(value);
  return huCoreCheckDigit(digits) === digits[7];
}

const gstAlphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * The GSTIN's check character for its first 14 (Luhn mod 36). Our own because
 * `stdnum/in/gstin` knows the state codes 01–37 only and so refuses every GSTIN of Ladakh (38,
 * since 2020), whose check character is right.
 */
export function gstinCheckCharacter(first14: string): string {
  let sum = 0;
  for (let i = 0; i < 14; i += 1) {
    const product = gstAlphabet.indexOf(first14.charAt(i)) * (i % 2 === 0 ? 1 : 2);
    sum += Math.floor(product / 36) + (product % 36);
  }
  return gstAlphabet.charAt((36 - (sum % 36)) % 36);
}

export function isValidGstinCheckCharacter(value: string): boolean {
  return value.length === 15 && gstinCheckCharacter(value.slice(0, 14)) === value.charAt(14);
}
