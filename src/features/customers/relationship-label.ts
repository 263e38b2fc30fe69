import type { Relationship } from '@/api/partner-center/resources';
import {
  isKnownRelationship,
  type KnownRelationship,
} from '@/api/partner-center/known-relationships';

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
