// A customer tag as the reader sees it: the product's own tags in the UI language, custom ones as typed.
import { knownTag, type KnownTag } from "@/lib/customers/tag-label";

export function tagName(tag: string, translate: (key: KnownTag) => string): string {
  const known = knownTag(tag);
  return known ? translate(known) : tag;
}
