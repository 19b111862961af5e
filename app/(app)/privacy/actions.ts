"use server";
// Reveal one masked PII field (pii.view): a thin adapter over lib/privacy/reveal.ts, which logs the access.
import { requirePermission } from "@/lib/auth/session";
import { revealPii } from "@/lib/privacy/reveal";
import type { Result } from "@/lib/errors";
import { actionArg, guardAction } from "@/lib/actions/guard";
import { z } from "zod";

export const revealPiiAction = guardAction("revealPiiAction", z.tuple([actionArg.input]), async (input: unknown): Promise<Result<{ value: string | null }>> => {
  const user = await requirePermission("pii.view");
  return revealPii(user.actor, input);
});
