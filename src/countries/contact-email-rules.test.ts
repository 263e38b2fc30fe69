import { describe, expect, it } from 'vitest';
import { checkContactEmail } from '@/countries/contact-email-rules';

const partnerDomains = ['contosopartners.onmicrosoft.com', 'ContosoPartners.com'];

const MICROSOFT =
  'Use the customer’s own email address: Partner Center refuses Microsoft addresses.';

function partnerMessage(domain: string) {
  return `Use an email address at the customer: ${domain} is your own organization’s domain, and the contact must be someone who works for the customer.`;
}

function tldMessage(tld: string) {
  return `Check the end of the email address: “.${tld}” is not a real top-level domain (such as .com or .de), so no mail could reach it.`;
}

describe('checkContactEmail', () => {
  it.each([
    'billing@fabrikam.com',
    'anna.muller@fabrikam.de',
    'finance@fabrikam.co.uk',
    'it@northwind.photography',
    'admin@fabrikam.onmicrosoft.com',
    'info@notmicrosoft.com',
    'info@microsoft.com.fabrikam.com',
    'info@contosopartners.com.fabrikam.net',
    'info@пример.рф',
    'info@example.xn--p1ai',
    'info@example.РФ',
    'info@example.ελ',
    'info@fabrikam.com.',
  ])('accepts %s', (email) => {
    expect(checkContactEmail(email, partnerDomains)).toBeUndefined();
  });

  it.each([
    'someone@microsoft.com',
    'someone@MICROSOFT.COM',
    'someone@europe.microsoft.com',
    'someone@a.b.Microsoft.com',
  ])('refuses Microsoft: %s', (email) => {
    expect(checkContactEmail(email, partnerDomains)).toBe(MICROSOFT);
  });

  it.each([
    ['admin@contosopartners.onmicrosoft.com', 'contosopartners.onmicrosoft.com'],
    ['Admin@ContosoPartners.OnMicrosoft.com', 'contosopartners.onmicrosoft.com'],
    ['sales@contosopartners.com', 'contosopartners.com'],
    ['sales@eu.contosopartners.com', 'contosopartners.com'],
  ])('refuses the partner’s own domain: %s', (email, domain) => {
    expect(checkContactEmail(email, partnerDomains)).toBe(partnerMessage(domain));
  });

  it('takes partner domains as they may be configured', () => {
    expect(checkContactEmail('a@contoso.com', [' @Contoso.com. '])).toBe(
      partnerMessage('contoso.com'),
    );
    expect(checkContactEmail('a@contoso.com', ['', '  ', 'not a domain'])).toBeUndefined();
  });

  it('refuses Microsoft even without partner domains', () => {
    expect(checkContactEmail('a@microsoft.com', [])).toBe(MICROSOFT);
  });

  it.each([
    ['billing@fabrikam.con', 'con'],
    ['billing@fabrikam.COMM', 'comm'],
    ['billing@localhost', 'localhost'],
    ['billing@fabrikam.local', 'local'],
    ['billing@пример.рфф', 'рфф'],
  ])('refuses %s, which has no real top-level domain', (email, tld) => {
    expect(checkContactEmail(email, partnerDomains)).toBe(tldMessage(tld));
  });

  // Syntax is z.email()'s job: a second message about the same typo would only be noise.
  it.each([
    '',
    'billing',
    'billing@',
    'billing@ ',
    'billing@[192.0.2.1]',
    'billing@exa mple.com',
    'billing@contoso.com..',
  ])('leaves %j to the syntax check', (email) => {
    expect(checkContactEmail(email, partnerDomains)).toBeUndefined();
  });
});
