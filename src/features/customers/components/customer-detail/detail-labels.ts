import type { KnownRelationship, Relationship } from '@/api/partner-center/resources';
import { isKnownRelationship } from '@/api/partner-center/resources';

const relationshipLabels: Readonly<Record<KnownRelationship, string>> = {
  none: 'None',
  reseller: 'Reseller',
  advisor: 'Advisor',
  syndication: 'Syndication',
  microsoftSupport: 'Microsoft support',
  microsoft_support: 'Microsoft support',
  indirectReseller: 'Indirect reseller',
  indirectCloudSolutionProvider: 'Indirect cloud solution provider',
  unknown: 'Unknown',
};

/** A relationship Partner Center adds later is shown as it came rather than hidden. */
export function relationshipLabel(relationship: Relationship): string {
  return isKnownRelationship(relationship) ? relationshipLabels[relationship] : relationship;
}

let languageNames: Intl.DisplayNames | undefined;

/** "English (United States)" for en-US; undefined for a tag Intl cannot read. */
export function languageName(tag: string): string | undefined {
  try {
    languageNames ??= new Intl.DisplayNames(['en'], {
      type: 'language',
      languageDisplay: 'standard',
      fallback: 'none',
    });
    const name = languageNames.of(tag.trim());
    return name && name.toLowerCase() !== tag.trim().toLowerCase() ? name : undefined;
  } catch {
    // Partner Center's cultures are not all BCP 47; a malformed one keeps its code alone.
    return undefined;
  }
}
