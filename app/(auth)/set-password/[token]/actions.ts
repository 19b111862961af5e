"use server";
// Public set-password form (invitation / reset link): thin adapter over lib/auth/password-tokens.ts.
import { headers } from "next/headers";
import { setPasswordWithToken } from "@/lib/auth/password-tokens";
import { clientIp } from "@/lib/security/client-ip";
import type { Result } from "@/lib/errors";
import { actionArg, guardAction } from "@/lib/actions/guard";
import { z } from "zod";

export const setPasswordAction = guardAction("setPasswordAction", z.tuple([actionArg.input]), async (input: unknown): Promise<Result<{ email: string }>> => {
  return setPasswordWithToken(input, clientIp(await headers()));
});
