"use server";
// Reveal one masked PII field (pii.view): a thin adapter over lib/privacy/reveal.ts, which logs the access.
import { actionArg, defineAction } from "@/lib/actions/define";
import { revealPii } from "@/lib/privacy/reveal";

export const revealPiiAction = defineAction(
  { name: "revealPiiAction", permission: "pii.view", args: [actionArg.input] },
  (actor, input) => revealPii(actor, input),
);
