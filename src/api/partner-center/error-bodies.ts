// zod's small build: every failed call reads its body with these, so they ship with the first
// screen, where the full build's chainable methods would cost some 20 KiB gzipped.
import * as z from 'zod/mini';

/** Numbers and strings both occur for the same field across Partner Center's front doors. */
const numberOrString = z.union([z.number(), z.string()]);

/** Optional in the portal's types, though Partner Center may send null. */
function absent<T extends z.core.SomeType>(schema: T) {
  return z.optional(
    z.pipe(
      z.nullish(schema),
      z.transform((value) => value ?? undefined),
    ),
  );
}

export const partnerCenterErrorBodySchema = z.looseObject({
  // A number from PartnerFD, a string from some other front doors: one type for the portal.
  code: z.pipe(
    numberOrString,
    z.transform((code) => String(code).trim()),
  ),
  description: absent(z.string()),
  data: absent(z.array(z.unknown())),
  source: absent(z.string()),
});
export type PartnerCenterErrorBody = z.infer<typeof partnerCenterErrorBodySchema>;

/** The gateway's 429 body, not PartnerFD's: it has no code, only a sentence. */
export const throttledBodySchema = z.looseObject({
  statusCode: z.pipe(z.pipe(numberOrString, z.transform(Number)), z.literal(429)),
  message: z.string(),
});
export type ThrottledBody = z.infer<typeof throttledBodySchema>;
