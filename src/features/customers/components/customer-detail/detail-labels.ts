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
