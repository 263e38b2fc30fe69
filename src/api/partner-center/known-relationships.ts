// Apart from resources.ts so that the list's labels, which the first screen's URL check reaches,
// do not bring every resource schema with them.

/**
 * Every value a source documents: the REST docs and the SDK spell some differently
 * (`microsoftSupport` / `microsoft_support`), and the emulator serves the SDK's spelling.
 */
export const knownRelationships = [
  'none',
  'reseller',
  'advisor',
  'syndication',
  'microsoftSupport',
  'microsoft_support',
  'indirectReseller',
  'indirectCloudSolutionProvider',
  'unknown',
] as const;
export type KnownRelationship = (typeof knownRelationships)[number];

export function isKnownRelationship(value: string): value is KnownRelationship {
  return (knownRelationships as readonly string[]).includes(value);
}
