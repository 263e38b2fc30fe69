import { describe, expect, it } from 'vitest';
import { phoneExample, validatePhoneNumber } from '@/countries/phones';
import { countryInSentence } from '@/countries/countries';

/** Characters that would betray a regex leaking into a message (`+` belongs in phone numbers). */
const regexCharacters = /[\\^$[\]{}|*?]/;

/** Partner Center's documented US pattern: national digits, no +1. */
const usPattern = String.raw`^(1[\-\/\.]?)?(\((\d{3})\)|(\d{3}))[\-\/\.]?(\d{3})[\-\/\.]?(\d{4})$`;

interface PhoneCase {
  national: string;
  international: string;
  /** The national significant number: what Partner Center is sent. */
  sent: string;
  e164: string;
}

// A mobile number per country, typed the way people there write it and the way foreigners do.
const phones: Record<string, PhoneCase> = {
  AM: {
    national: '077 123456',
    international: '+374 77 123456',
    sent: '77123456',
    e164: '+37477123456',
  },
  AZ: {
    national: '040 123 45 67',
    international: '+994 40 123 45 67',
    sent: '401234567',
    e164: '+994401234567',
  },
  BY: {
    national: '8 029 491-19-11',
    international: '+375 29 491 19 11',
    sent: '294911911',
    e164: '+375294911911',
  },
  HU: {
    national: '06 20 123 4567',
    international: '+36 20 123 4567',
    sent: '201234567',
    e164: '+36201234567',
  },
  KZ: {
    national: '8 (771) 000 9998',
    international: '+7 771 000 9998',
    sent: '7710009998',
    e164: '+77710009998',
  },
  KG: {
    national: '0700 123 456',
    international: '00996 700 123 456',
    sent: '700123456',
    e164: '+996700123456',
  },
  MD: {
    national: '0621 12 345',
    international: '+373 621 12 345',
    sent: '62112345',
    e164: '+37362112345',
  },
  RU: {
    national: '8 (912) 345-67-89',
    international: '+7 912 345-67-89',
    sent: '9123456789',
    e164: '+79123456789',
  },
  TJ: {
    national: '91 712 3456',
    international: '+992 91 712 3456',
    sent: '917123456',
    e164: '+992917123456',
  },
  UZ: {
    national: '91 234 56 78',
    international: '+998 91 234 56 78',
    sent: '912345678',
    e164: '+998912345678',
  },
  UA: {
    national: '050 123 4567',
    international: '00380 50 123 4567',
    sent: '501234567',
    e164: '+380501234567',
  },
  IN: {
    national: '081234 56789',
    international: '+91 81234 56789',
    sent: '8123456789',
    e164: '+918123456789',
  },
  BR: {
    national: '(11) 96123-4567',
    international: '+55 11 96123 4567',
    sent: '11961234567',
    e164: '+5511961234567',
  },
  ZA: {
    national: '071 123 4567',
    international: '+27 71 123 4567',
    sent: '711234567',
    e164: '+27711234567',
  },
  PL: {
    national: '512 345 678',
    international: '0048 512 345 678',
    sent: '512345678',
    e164: '+48512345678',
  },
  AE: {
    national: '050 123 4567',
    international: '+971 50 123 4567',
    sent: '501234567',
    e164: '+971501234567',
  },
  SA: {
    national: '051 234 5678',
    international: '+966 51 234 5678',
    sent: '512345678',
    e164: '+966512345678',
  },
  TR: {
    national: '0501 234 56 78',
    international: '+90 501 234 56 78',
    sent: '5012345678',
    e164: '+905012345678',
  },
  TH: {
    national: '081 234 5678',
    international: '+66 81 234 5678',
    sent: '812345678',
    e164: '+66812345678',
  },
  VN: {
    national: '0912 345 678',
    international: '+84 912 345 678',
    sent: '912345678',
    e164: '+84912345678',
  },
  MM: {
    national: '09 212 3456',
    international: '+95 9 212 3456',
    sent: '92123456',
    e164: '+9592123456',
  },
  IQ: {
    national: '0791 234 5678',
    international: '+964 791 234 5678',
    sent: '7912345678',
    e164: '+9647912345678',
  },
  SS: {
    national: '0977 123 456',
    international: '+211 977 123 456',
    sent: '977123456',
    e164: '+211977123456',
  },
  VE: {
    national: '0412-1234567',
    international: '+58 412 1234567',
    sent: '4121234567',
    e164: '+584121234567',
  },
  US: {
    national: '(201) 555-0123',
    international: '+1 201 555 0123',
    sent: '2015550123',
    e164: '+12015550123',
  },
  GB: {
    national: '07400 123456',
    international: '+44 7400 123456',
    sent: '7400123456',
    e164: '+447400123456',
  },
  DE: {
    national: '01512 3456789',
    international: '0049 1512 3456789',
    sent: '15123456789',
    e164: '+4915123456789',
  },
  FR: {
    national: '06 12 34 56 78',
    international: '+33 6 12 34 56 78',
    sent: '612345678',
    e164: '+33612345678',
  },
  JP: {
    national: '090-1234-5678',
    international: '+81 90-1234-5678',
    sent: '9012345678',
    e164: '+819012345678',
  },
  AU: {
    national: '0412 345 678',
    international: '+61 412 345 678',
    sent: '412345678',
    e164: '+61412345678',
  },
  CA: {
    national: '(506) 234-5678',
    international: '+1 506 234 5678',
    sent: '5062345678',
    e164: '+15062345678',
  },
};

describe('validatePhoneNumber', () => {
  it('covers the 24 registration-number countries and the seven others', () => {
    expect(Object.keys(phones)).toHaveLength(31);
  });

  describe.each(Object.entries(phones))('%s', (code, phone) => {
    it(`reads national typing ${phone.national}`, () => {
      expect(validatePhoneNumber(code, phone.national)).toMatchObject({
        valid: true,
        normalized: phone.sent,
        e164: phone.e164,
      });
    });

    it(`reads international typing ${phone.international}`, () => {
      expect(validatePhoneNumber(code, phone.international)).toMatchObject({
        valid: true,
        normalized: phone.sent,
        e164: phone.e164,
      });
    });

    it('refuses an invalid number in a sentence naming the country and an example', () => {
      const result = validatePhoneNumber(code, '12345');
      expect(result.valid).toBe(false);
      if (result.valid) return;
      expect(result.message).toContain(countryInSentence(code));
      const example = phoneExample(code);
      expect(example).toBeDefined();
      expect(result.message).toContain(`for example ${example}`);
      expect(result.message).not.toMatch(regexCharacters);
    });
  });

  it('words the message as in the brief', () => {
    expect(validatePhoneNumber('RU', '8 (000) 000-00-00')).toEqual({
      valid: false,
      message:
        'This is not a valid phone number in Russia; for example 8 (912) 345-67-89 or +7 912 345 67 89.',
    });
  });

  it('tells too short from too long', () => {
    expect(validatePhoneNumber('RU', '8 912 345')).toEqual({
      valid: false,
      message:
        'This phone number is too short for Russia; for example 8 (912) 345-67-89 or +7 912 345 67 89.',
    });
    expect(validatePhoneNumber('RU', '8 912 345 67 89 12345')).toEqual({
      valid: false,
      message:
        'This phone number is too long for Russia; for example 8 (912) 345-67-89 or +7 912 345 67 89.',
    });
  });

  it('explains what is not a phone number at all', () => {
    for (const typed of ['abc', '', '+999 1234 5678']) {
      const result = validatePhoneNumber('RU', typed);
      expect(result.valid).toBe(false);
      if (result.valid) continue;
      expect(result.message).not.toMatch(regexCharacters);
      expect(result.message).toMatch(/\.$/);
    }
  });

  it('reads the details of the number', () => {
    expect(validatePhoneNumber('RU', '+7 (912) 345.67.89')).toEqual({
      valid: true,
      normalized: '9123456789',
      e164: '+79123456789',
      national: '8 (912) 345-67-89',
      type: 'MOBILE',
    });
  });

  it("reads Russia's own international prefix as well as 00", () => {
    expect(validatePhoneNumber('RU', '8 10 44 7400 123456')).toMatchObject({
      valid: true,
      normalized: '+447400123456',
    });
    expect(validatePhoneNumber('RU', '00 44 7400 123456')).toMatchObject({
      valid: true,
      normalized: '+447400123456',
    });
  });

  it("sends another country's number as E.164", () => {
    expect(validatePhoneNumber('PL', '+44 7400 123456')).toMatchObject({
      valid: true,
      normalized: '+447400123456',
      national: '07400 123456',
    });
    // Kazakhstan shares Russia's +7: the national number says it all.
    expect(validatePhoneNumber('RU', '+7 771 000 9998')).toMatchObject({
      valid: true,
      normalized: '7710009998',
    });
  });

  it('refuses extensions rather than dropping them', () => {
    for (const typed of ['+1 201 555 0123 ext. 12', '(201) 555-0123 x12']) {
      const result = validatePhoneNumber('US', typed);
      expect(result).toEqual({
        valid: false,
        message:
          'Partner Center has no field for a phone extension; enter the number without the extension.',
      });
    }
  });

  it("knows Partner Center's codes that libphonenumber does not", () => {
    expect(validatePhoneNumber('XJ', '79 12 34 56')).toMatchObject({
      valid: true,
      e164: '+4779123456',
    });
  });
});

describe("validatePhoneNumber with Partner Center's phoneNumberRegex", () => {
  it('sends the first form the pattern matches', () => {
    expect(
      validatePhoneNumber('US', '+1 (201) 555-0123', { phoneNumberRegex: usPattern }),
    ).toMatchObject({ valid: true, normalized: '2015550123' });
    expect(
      validatePhoneNumber('RU', '8 912 345 67 89', { phoneNumberRegex: '^8 \\(\\d{3}\\) ' }),
    ).toMatchObject({ valid: true, normalized: '8 (912) 345-67-89' });
    expect(
      validatePhoneNumber('RU', '8 912 345 67 89', { phoneNumberRegex: '^\\+\\d{11,15}$' }),
    ).toMatchObject({ valid: true, normalized: '+79123456789' });
    expect(
      validatePhoneNumber('RU', '8 912 345 67 89', { phoneNumberRegex: '^7\\d{10}$' }),
    ).toMatchObject({ valid: true, normalized: '79123456789' });
  });

  it('refuses in a sentence when no form matches', () => {
    const result = validatePhoneNumber('US', '+44 7400 123456', { phoneNumberRegex: usPattern });
    expect(result).toEqual({
      valid: false,
      message:
        'Partner Center accepts only phone numbers of the United States for an address there; for example (201) 555-0123 or +1 201 555 0123.',
    });
    const domestic = validatePhoneNumber('RU', '8 912 345 67 89', { phoneNumberRegex: '^0\\d+$' });
    expect(domestic.valid).toBe(false);
    if (domestic.valid) return;
    expect(domestic.message).toContain('Russia');
    expect(domestic.message).not.toMatch(regexCharacters);
  });

  it('ignores a pattern that does not compile', () => {
    expect(
      validatePhoneNumber('RU', '8 912 345 67 89', { phoneNumberRegex: '(?i)^\\d+$' }),
    ).toMatchObject({ valid: true, normalized: '9123456789' });
  });
});

describe('phoneExample', () => {
  it('gives a national-format example for the placeholder', () => {
    expect(phoneExample('RU')).toBe('8 (912) 345-67-89');
    expect(phoneExample('us')).toBe('(201) 555-0123');
    expect(phoneExample('XX')).toBeUndefined();
    expect(phoneExample('')).toBeUndefined();
  });
});
