import tlds from 'tlds';

/**
 * A host name as the DNS knows it: lower case, Unicode labels in punycode ("рф" → "xn--p1ai"),
 * full-width dots made plain. Undefined when it cannot be a host name at all.
 */
function asciiHostname(domain: string): string | undefined {
  try {
    return new URL(`http://${domain}`).hostname;
  } catch {
    return undefined;
  }
}

/**
 * IANA's top-level domains, in punycode: the `tlds` package writes the internationalised ones
 * in Unicode ("рф", "ελ"), and an address may be typed either way.
 */
const topLevelDomains: ReadonlySet<string> = new Set(
  tlds.flatMap((tld) => [tld, asciiHostname(tld) ?? tld]),
);

/** Microsoft's own domain: Partner Center refuses it, and its subdomains, for a customer. */
const MICROSOFT_DOMAIN = 'microsoft.com';

function isWithin(hostname: string, domain: string): boolean {
  return hostname === domain || hostname.endsWith(`.${domain}`);
}

/** A partner domain as it may be configured: "@Contoso.com", " contoso.com. " → "contoso.com". */
function partnerDomainOf(configured: string): { shown: string; hostname: string } | undefined {
  const shown = configured.trim().replace(/^@/, '').replace(/\.$/, '').toLowerCase();
  const hostname = shown === '' ? undefined : asciiHostname(shown);
  return hostname ? { shown, hostname } : undefined;
}

/**
 * What Partner Center will not take as a new customer's contact email, as a sentence to show,
 * or undefined when it has no objection. `partnerDomains` are the partner's own domains (its
 * `…onmicrosoft.com` one and any verified ones), compared with their subdomains too.
 *
 * The address's syntax is another check's job (`z.email()` in the schema): an input without a
 * domain after its last "@", or with one that cannot be a host name, gets undefined here rather
 * than a second message about the same mistake.
 */
export function checkContactEmail(
  email: string,
  partnerDomains: readonly string[],
): string | undefined {
  const at = email.lastIndexOf('@');
  if (at < 0) return undefined;
  const domain = email
    .slice(at + 1)
    .trim()
    .replace(/[.\u3002\uFF0E\uFF61]$/, '');
  const hostname = domain === '' ? undefined : asciiHostname(domain);
  // An IP literal ("[192.0.2.1]") has no top-level domain to check; it is a syntax matter.
  if (!hostname || hostname.startsWith('[')) return undefined;

  if (isWithin(hostname, MICROSOFT_DOMAIN)) {
    return 'Use the customer’s own email address: Partner Center refuses Microsoft addresses.';
  }
  const partner = partnerDomains
    .map(partnerDomainOf)
    .find((own) => own !== undefined && isWithin(hostname, own.hostname));
  if (partner) {
    return `Use an email address at the customer: ${partner.shown} is your own organization’s domain, and the contact must be someone who works for the customer.`;
  }
  const tld = hostname.slice(hostname.lastIndexOf('.') + 1);
  // An empty last label ("contoso.com..") is a syntax matter too.
  if (tld !== '' && !topLevelDomains.has(tld)) {
    // Shown as typed: "xn--p1ai" would mean nothing to someone who typed "рф".
    const typed =
      domain
        .toLowerCase()
        .split(/[.\u3002\uFF0E\uFF61]/)
        .pop() ?? tld;
    return `Check the end of the email address: “.${typed}” is not a real top-level domain (such as .com or .de), so no mail could reach it.`;
  }
  return undefined;
}
