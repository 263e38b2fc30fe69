import fc from 'fast-check';
import tlds from 'tlds';
import { describe, expect, it } from 'vitest';
import { checkContactEmail } from '@/countries/contact-email-rules';

const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,14}[a-z0-9])?$/);
const localPart = fc.stringMatching(/^[a-z0-9](?:[a-z0-9._+-]{0,20}[a-z0-9])?$/);
const realTld = fc.constantFrom(...tlds);

/** A domain at a real top-level domain, in any case: "Mail.Fabrikam.DE". */
const realDomain = fc
  .tuple(fc.array(label, { minLength: 1, maxLength: 3 }), realTld)
  .map(([labels, tld]) => [...labels, tld].join('.'));
const anyCase = (text: fc.Arbitrary<string>) => fc.mixedCase(text);

const partnerDomains = fc.array(realDomain, { maxLength: 3 });

/** Whether a domain is the other or one of its subdomains, the way a person would see it. */
function within(domain: string, other: string): boolean {
  const [a, b] = [domain.toLowerCase(), other.toLowerCase()];
  return a === b || a.endsWith(`.${b}`);
}

describe('checkContactEmail (properties)', () => {
  it('accepts any address at a real top-level domain that is not Microsoft’s or the partner’s', () => {
    fc.assert(
      fc.property(localPart, anyCase(realDomain), partnerDomains, (local, domain, partner) => {
        fc.pre(!within(domain, 'microsoft.com'));
        fc.pre(!partner.some((own) => within(domain, own)));
        expect(checkContactEmail(`${local}@${domain}`, partner)).toBeUndefined();
      }),
      { numRuns: 1000 },
    );
  });

  it('refuses any address at microsoft.com or a subdomain of it', () => {
    fc.assert(
      fc.property(
        localPart,
        fc.array(label, { maxLength: 2 }),
        partnerDomains,
        (local, labels, partner) => {
          const domain = [...labels, 'microsoft.com'].join('.');
          expect(checkContactEmail(`${local}@${domain}`, partner)).toMatch(/Microsoft addresses/);
        },
      ),
    );
  });

  it('refuses any address at one of the partner’s domains or their subdomains', () => {
    fc.assert(
      fc.property(
        localPart,
        fc.array(label, { maxLength: 2 }),
        fc.array(realDomain, { minLength: 1, maxLength: 3 }),
        fc.nat(),
        (local, labels, partner, pick) => {
          const own = partner[pick % partner.length] ?? '';
          fc.pre(!within(own, 'microsoft.com'));
          const email = `${local}@${[...labels, own].join('.').toUpperCase()}`;
          expect(checkContactEmail(email, partner)).toMatch(/your own organization’s domain/);
        },
      ),
    );
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
        }),
        fc.array(fc.string()),
        (email, partner) => {
          const problem = checkContactEmail(email, partner);
          expect(problem === undefined || problem.length > 0).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});
