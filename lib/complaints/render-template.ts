// Filling `{{group.field}}` placeholders of reply templates: pure, so the admin page's live preview (client) and the
// workspace composer (server) render the same way.

/**
 * Values for the placeholders the seeded templates use; a missing value leaves its placeholder for the agent to fill.
 */
export type TemplateValues = {
  "customer.name"?: string | null;
  "customer.membershipNumber"?: string | null;
  "complaint.reference"?: string | null;
  "complaint.subject"?: string | null;
  "complaint.flightNumber"?: string | null;
  "complaint.rootCause"?: string | null;
  "complaint.resolutionSummary"?: string | null;
  "complaint.trackingUrl"?: string | null;
  "compensation.amount"?: string | null;
  "agent.name"?: string | null;
};

/** Every placeholder the renderer knows, in the order the cheat-sheet shows them. */
export const KNOWN_PLACEHOLDERS = [
  "customer.name",
  "customer.membershipNumber",
  "complaint.reference",
  "complaint.subject",
  "complaint.flightNumber",
  "complaint.rootCause",
  "complaint.resolutionSummary",
  "complaint.trackingUrl",
  "compensation.amount",
  "agent.name",
] as const satisfies readonly (keyof TemplateValues)[];

const ANY_PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** Placeholders in the text that the renderer would leave unfilled (unknown keys), deduplicated. */
export function unknownPlaceholders(text: string): string[] {
  const known = new Set<string>(KNOWN_PLACEHOLDERS);
  const found = new Set<string>();
  for (const match of text.matchAll(ANY_PLACEHOLDER)) if (!known.has(match[1]!)) found.add(match[1]!);
  return [...found];
}

const PLACEHOLDER = /\{\{\s*([a-zA-Z]+\.[a-zA-Z]+)\s*\}\}/g;

function isKnownKey(key: string, values: TemplateValues): key is keyof TemplateValues {
  return Object.prototype.hasOwnProperty.call(values, key);
}

/**
 * Replaces `{{group.field}}` with its value. Unknown or empty placeholders stay as written, so the agent sees
 * what is still to be filled in rather than a silently blank gap in a customer e-mail.
 */
export function renderTemplate(text: string, values: TemplateValues): string {
  return text.replace(PLACEHOLDER, (whole, key: string) => {
    if (!isKnownKey(key, values)) return whole;
    const value = values[key]?.trim();
    return value ? value : whole;
  });
}

/** Every `{{…}}` still in a text (known or not), deduplicated in order: a reply containing any cannot be sent. */
export function unfilledPlaceholders(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(ANY_PLACEHOLDER)) found.add(match[1]!.trim() || "…");
  return [...found];
}
