"use server";
// Server actions of the team administration page: thin adapters over lib/users/team-service.ts.
import { defineAction } from "@/lib/actions/define";
import { setTeamActiveSchema, teamSchema, updateTeamSchema } from "@/lib/users/admin-schema";
import { createTeam, setTeamActive, updateTeam } from "@/lib/users/team-service";

const TEAMS = "/admin/teams";
const saved = { ok: true, saved: true } as const;

export const createTeamAction = defineAction({ name: "createTeamAction", permission: "admin.teams", schema: teamSchema, revalidate: [TEAMS, "/admin/users"] }, async (actor, input) => {
  const result = await createTeam(actor, input);
  return result.ok ? saved : result;
});

export const updateTeamAction = defineAction({ name: "updateTeamAction", permission: "admin.teams", schema: updateTeamSchema, revalidate: [TEAMS, "/admin/users"] }, async (actor, input) => {
  const result = await updateTeam(actor, input);
  return result.ok ? saved : result;
});

export const setTeamActiveAction = defineAction({ name: "setTeamActiveAction", permission: "admin.teams", schema: setTeamActiveSchema, revalidate: [TEAMS] }, async (actor, input) => {
  const result = await setTeamActive(actor, input);
  return result.ok ? saved : result;
});
