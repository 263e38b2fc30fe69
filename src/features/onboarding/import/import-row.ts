import { countryCodeOf } from '@/countries/countries';
import {
  checkNewCustomer,
  type NewCustomerContext,
  type NewCustomerOutput,
} from '@/features/onboarding/model/new-customer-schema';
import type { OnboardingField } from '@/features/onboarding/model/onboarding-steps';
import {
  onboardingValuesFromFlat,
  type OnboardingValues,
} from '@/features/onboarding/model/onboarding-values';
import type { FlatValues } from '@/forms/flat-values';
import type { ColumnMapping } from './import-columns';

/** What the whole import sets, each overridden by a row's own cell where the file has the column. */
export interface ImportBatchOptions {
  /** The reseller choice, as the form holds it: '' not chosen, 'direct', or a reseller's id. */
  associatedPartner: string;
  enableGDAPByDefault: boolean;
  /** '' for each country's own default culture. */
  culture: string;
  /** The user attests, for every row, that the customer accepted the agreement. */
  agreementAccepted: boolean;
  /** yyyy-mm-dd, for rows without a date of their own; '' for none. */
  dateAgreed: string;
}

export interface ImportRowIssue {
  field: OnboardingField;
  message: string;
}

export interface CheckedImportRow {
  values: OnboardingValues;
  issues: ImportRowIssue[];
  /** What Create sends, when nothing objects. */
  output: NewCustomerOutput | undefined;
}

/**
 * A row of the file as the onboarding form's values, then checked by the form's own rules
 * (checkNewCustomer, the function behind its schema): a row is valid exactly when the same
 * customer typed into the form would be. Cells the form would never hold as they are (a
 * country's name, "yes", a date as Excel writes it) are read into the form's shapes first, and
 * a cell that cannot be says so on its own field.
 */
export function checkImportRow(
  cells: readonly string[],
  mapping: ColumnMapping,
  batch: ImportBatchOptions,
  context: NewCustomerContext & {
    /** A country's default culture (from its Partner Center rules), '' when not known yet. */
    defaultCultureOf: (country: string) => string;
  },
): CheckedImportRow {
  const cell = new Map<OnboardingField, string>();
  mapping.fields.forEach((field, at) => {
    if (field) cell.set(field, cells[at] ?? '');
  });
  const readIssues: ImportRowIssue[] = [];
  const tick = (field: OnboardingField, fallback: boolean): boolean => {
    const text = cell.get(field)?.trim();
    const read = text ? yesOrNo(text) : fallback;
    if (typeof read === 'boolean') return read;
    readIssues.push({ field, message: read });
    return fallback;
  };

  const countryCell = cell.get('billingProfile.defaultAddress.country')?.trim() ?? '';
  const country = countryCodeOf(countryCell);
  // The text cells as the form's draft store holds them, read back as a draft is.
  const text: FlatValues = {};
  for (const [field, value] of cell) if (!typeLessFields.has(field)) text[field] = value;
  text['billingProfile.defaultAddress.country'] = country ?? countryCell;
  const values = onboardingValuesFromFlat(text);
  values.billingProfile.culture =
    cell.get('billingProfile.culture')?.trim() ||
    batch.culture ||
    (country ? context.defaultCultureOf(country) : '');
  values.associatedPartner = cell.get('associatedPartner')?.trim() || batch.associatedPartner;
  values.enableGDAPByDefault = tick('enableGDAPByDefault', batch.enableGDAPByDefault);
  values.agreement.accepted = tick('agreement.accepted', batch.agreementAccepted);
  const date = cell.get('agreement.dateAgreed')?.trim();
  if (date) {
    const iso = isoDateOf(date);
    if (iso.date !== undefined) values.agreement.dateAgreed = iso.date;
    else readIssues.push({ field: 'agreement.dateAgreed', message: iso.problem });
  } else {
    values.agreement.dateAgreed = batch.dateAgreed;
  }
  const agreementContact = ['firstName', 'lastName', 'email', 'phoneNumber'] as const;
  values.agreement.contactIsBilling = !agreementContact.some((name) =>
    cell.get(`agreement.${name}`)?.trim(),
  );

  const checked = checkNewCustomer(values, context);
  const issues = [...readIssues];
  const unreadable = new Set(readIssues.map((issue) => issue.field));
  for (const issue of checked.issues) {
    const field = issue.path.join('.') as OnboardingField;
    // A cell that could not be read has said so; the form's complaint about it would be second.
    if (!unreadable.has(field)) issues.push({ field, message: issue.message });
  }
  return { values, issues, output: readIssues.length === 0 ? checked.output : undefined };
}

/** Read apart from the form's text fields. */
const typeLessFields = new Set<OnboardingField>([
  'billingProfile.defaultAddress.country',
  'billingProfile.culture',
  'associatedPartner',
  'enableGDAPByDefault',
  'agreement.accepted',
  'agreement.dateAgreed',
]);

const yes = new Set(['yes', 'y', 'true', '1', 'x', 'ja', 'wahr', 'oui', 'vrai', 'si', 'sí', 'tak']);
const no = new Set(['no', 'n', 'false', '0', 'nein', 'falsch', 'non', 'faux', 'nie']);

/** "yes", "TRUE", "1" (and Excel's WAHR, VRAI in German and French) or their opposites. */
export function yesOrNo(text: string): boolean | string {
  const word = text.trim().toLowerCase();
  if (yes.has(word)) return true;
  if (no.has(word)) return false;
  return `Write yes or no here, not "${text.trim()}".`;
}

/**
 * A date as the form holds it (yyyy-mm-dd) from the ways spreadsheets write one: 2026-11-30,
 * 30.11.2026, and 30/11/2026 or 11/30/2026 where only one reading is a date. 03/04/2026 could be
 * either, and is refused with the way to write it.
 */
export function isoDateOf(
  text: string,
): { date: string; problem?: never } | { date?: never; problem: string } {
  const trimmed = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  if (iso) {
    const [, year = '', month = '', day = ''] = iso;
    return dateOf(year, month, day, trimmed);
  }
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(trimmed);
  if (dotted) {
    const [, day = '', month = '', year = ''] = dotted;
    return dateOf(year, month, day, trimmed);
  }
  const slashed = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(trimmed);
  if (slashed) {
    const [, first = '', second = '', year = ''] = slashed;
    const dayFirst = Number(first) > 12;
    const monthFirst = Number(second) > 12;
    if (dayFirst && monthFirst) return { problem: `${trimmed} is not a day of the calendar.` };
    if (!dayFirst && !monthFirst && first !== second) {
      return {
        problem: `${trimmed} could be read two ways: write the date as year-month-day, such as 2026-11-30.`,
      };
    }
    return dayFirst || first === second
      ? dateOf(year, second, first, trimmed)
      : dateOf(year, first, second, trimmed);
  }
  return { problem: `Write the date as year-month-day, such as 2026-11-30, not "${trimmed}".` };
}

function dateOf(year: string, month: string, day: string, text: string) {
  const date = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const parsed = new Date(`${date}T12:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date) {
    return { problem: `${text} is not a day of the calendar.` } as const;
  }
  return { date } as const;
}
