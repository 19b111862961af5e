"use server";
// Server actions of the team administration page: thin adapters over lib/users/team-service.ts.
import { revalidatePath } from "next/cache";
import { requirePermission } from "@/lib/auth/session";
import { createTeam, setTeamActive, updateTeam } from "@/lib/users/team-service";
import type { Result } from "@/lib/errors";

const PAGE = "/admin/teams";

export async function createTeamAction(input: unknown): Promise<Result<{ saved: true }>> {
  const user = await requirePermission("admin.teams");
  const result = await createTeam(user.actor, input);
  if (!result.ok) return result;
  revalidatePath(PAGE);
  revalidatePath("/admin/users");
  return { ok: true, saved: true };
}

export async function updateTeamAction(input: unknown): Promise<Result<{ saved: true }>> {
  const user = await requirePermission("admin.teams");
  const result = await updateTeam(user.actor, input);
  if (!result.ok) return result;
  revalidatePath(PAGE);
  revalidatePath("/admin/users");
  return { ok: true, saved: true };
}

export async function setTeamActiveAction(input: unknown): Promise<Result<{ saved: true }>> {
  const user = await requirePermission("admin.teams");
  const result = await setTeamActive(user.actor, input);
  if (!result.ok) return result;
  revalidatePath(PAGE);
  return { ok: true, saved: true };
}
