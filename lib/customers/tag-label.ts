// Customer tags are free text, but the ones the product itself uses (VIP, special needs, repeat complainer) have a
// name in each UI language (messages customerTagNames). Pure, no zod: client components use it too.
export const KNOWN_TAGS = ["vip", "special_needs", "repeat_complainer"] as const;
export type KnownTag = (typeof KNOWN_TAGS)[number];

/** The known tag a stored tag spells ("VIP", "special needs", "repeat-complainer" …), or null for a custom one. */
export function knownTag(tag: string): KnownTag | null {
  const key = tag
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
  return KNOWN_TAGS.find((known) => known === key) ?? null;
}
