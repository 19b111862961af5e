// Version comparison for the article page: a line diff per field (npm `diff`), as parts the page colours.
import { diffLines } from "diff";

export type DiffPart = { kind: "added" | "removed" | "same"; text: string };

/** A last line without a newline is compared as if it had one (else an appended paragraph marks it changed). */
const withFinalNewline = (text: string) => (text.endsWith("\n") ? text : `${text}\n`);

export function diffText(before: string, after: string): DiffPart[] {
  return diffLines(withFinalNewline(before), withFinalNewline(after)).map((part) => ({
    kind: part.added ? "added" : part.removed ? "removed" : "same",
    text: part.value,
  }));
}

export function hasChanges(parts: readonly DiffPart[]): boolean {
  return parts.some((part) => part.kind !== "same");
}
