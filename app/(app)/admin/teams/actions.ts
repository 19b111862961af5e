"use server";
// Server actions of the team administration page: thin adapters over lib/users/team-service.ts.
import { revalidatePath } from "next/cache";
import { requirePermission } from "@/lib/auth/session";
import { createTeam, setTeamActive, updateTeam } from "@/lib/users/team-service";
import type { Result } from "@/lib/errors";
import { actionArg, guardAction } from "@/lib/actions/guard";
import { z } from "zod";

const PAGE = "/admin/teams";

export const createTeamAction = guardAction("createTeamAction", z.tuple([actionArg.input]), async (input: unknown): Promise<Result<{ saved: true }>> => {
  const user = await requirePermission("admin.teams");
  const result = await createTeam(user.actor, input);
  if (!result.ok) return result;
  revalidatePath(PAGE);
  revalidatePath("/admin/users");
  return { ok: true, saved: true };
});

export const updateTeamAction = guardAction("updateTeamAction", z.tuple([actionArg.input]), async (input: unknown): Promise<Result<{ saved: true }>> => {
  const user = await requirePermission("admin.teams");
  const result = await updateTeam(user.actor, input);
  if (!result.ok) return result;
  revalidatePath(PAGE);
  revalidatePath("/admin/users");
  return { ok: true, saved: true };
});

export const setTeamActiveAction = guardAction("setTeamActiveAction", z.tuple([actionArg.input]), async (input: unknown): Promise<Result<{ saved: true }>> => {
  const user = await requirePermission("admin.teams");
  const result = await setTeamActive(user.actor, input);
  if (!result.ok) return result;
  revalidatePath(PAGE);
  return { ok: true, saved: true };
});
