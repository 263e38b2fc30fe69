import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import {
  addressDataFile,
  buildAddressData,
  readGoogleData,
  renderAddressData,
} from './generate-address-data.ts';

async function generate() {
  const { files, packageInfo } = await readGoogleData();
  return buildAddressData(files, packageInfo);
}

describe('src/countries/address-data.json', () => {
  it('reads every country file of the Google data', async () => {
    const { files } = await readGoogleData();
    // 252 countries and ZZ, the defaults.
    expect(Object.keys(files).length).toBeGreaterThan(250);
  });

  it('is what the generator produces from the installed Google data, byte for byte', async () => {
    const committed = await readFile(addressDataFile, 'utf8');
    const data = await generate();
    expect(JSON.parse(committed)).toEqual(data);
    // Byte for byte too, so the committed file is also the Prettier-formatted one.
    expect(await renderAddressData(data)).toBe(committed);
  });

  it('has postal patterns that compile, and examples that match them', async () => {
    const { countries } = await generate();
    for (const [code, country] of Object.entries(countries)) {
      if (!country.zip) continue;
      const pattern = new RegExp(`^(?:${country.zip})$`);
      if (country.zipex) expect(pattern.test(country.zipex), code).toBe(true);
    }
  });
});
