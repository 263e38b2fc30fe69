/**
 * The country rules' figures: how fast registration numbers validate (a mixed batch of 100,000:
 * valid numbers as typed in many ways, corrupted check digits, wrong lengths, countries that take
 * none) and how much `src/countries/` weighs once bundled.
 *
 * Nothing in the app imports the country rules yet (the customer forms will, from a lazy route),
 * so their weight is measured as the chunk they will bring: every public module bundled and
 * minified, with zod left out because the app's initial route already carries it.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { build, type Rolldown } from 'vite';
import { mixedRegistrationNumberBatch } from '@/countries/registration-number-generators';
import { validateRegistrationNumber } from '@/countries/registration-numbers';
import { median } from './median.ts';

const root = path.resolve(import.meta.dirname, '..', '..');
const BATCH = 100_000;
const RUNS = 5;

function measureValidations() {
  const batch = mixedRegistrationNumberBatch(BATCH, 20261124);
  let valid = 0;
  // One pass to warm the JIT and to count what the batch holds.
  for (const { country, value } of batch) {
    if (validateRegistrationNumber(country, value).valid) valid += 1;
  }
  const rates: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const started = performance.now();
    for (const { country, value } of batch) validateRegistrationNumber(country, value);
    rates.push(BATCH / ((performance.now() - started) / 1000));
  }
  return { rate: median(rates), valid, total: batch.length };
}

const modules: Record<string, string> = {
  'registration numbers': 'src/countries/registration-numbers.ts',
  addresses: 'src/countries/addresses.ts',
  phones: 'src/countries/phones.ts',
  'cultures and countries': 'src/countries/cultures.ts',
};

/** Minified and gzipped size of a bundle of the given entries, zod excluded. */
async function bundledGzip(entries: Record<string, string>): Promise<number> {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    root,
    resolve: { alias: { '@': path.join(root, 'src') } },
    build: {
      write: false,
      minify: true,
      lib: {
        entry: Object.fromEntries(
          Object.entries(entries).map(([name, file]) => [
            name.replace(/\W+/g, '-'),
            path.join(root, file),
          ]),
        ),
        formats: ['es'],
      },
      rolldownOptions: { external: ['zod'] },
    },
  });
  const results = (Array.isArray(output) ? output : [output]) as Rolldown.RolldownOutput[];
  let gzip = 0;
  for (const result of results) {
    for (const file of result.output) {
      if (file.type === 'chunk') gzip += gzipSync(file.code).length;
    }
  }
  return gzip;
}

export async function measureCountries(): Promise<[string, string][]> {
  const validations = measureValidations();
  const all = await bundledGzip({
    ...modules,
    'profile schemas': 'src/countries/customer-profile-schemas.ts',
  });
  const parts: [string, string][] = [];
  for (const [name, file] of Object.entries(modules)) {
    const gzip = await bundledGzip({ [name]: file });
    parts.push([`  of which ${name} alone (gzip)`, `${(gzip / 1024).toFixed(1)} KiB`]);
  }
  return [
    [
      `registration numbers: validations/s, mixed batch of ${BATCH.toLocaleString('en')} (median of ${RUNS})`,
      `${Math.round(validations.rate).toLocaleString('en')}/s (${validations.valid.toLocaleString('en')} valid)`,
    ],
    ['src/countries bundled, minified + gzip (zod excluded)', `${(all / 1024).toFixed(1)} KiB`],
    ...parts,
  ];
}
