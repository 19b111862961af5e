// Optimistic locking for reference-data rows that have no version column: the version is a hash of the editable
// fields as loaded, so a save made from a stale form (someone else saved in between) is refused as a conflict.
import { createHash } from "node:crypto";

export function rowVersion(fields: Record<string, unknown>): string {
  const sorted = Object.keys(fields)
    .sort()
    .map((key) => [key, fields[key]]);
  return createHash("sha256").update(JSON.stringify(sorted)).digest("hex").slice(0, 16);
}
