"use server";
// Server actions of the team and user administration pages: thin adapters over lib/users/team-service.ts and
// lib/users/invite-user.ts, update-user.ts and set-user-active.ts.
import { actionArg, defineAction } from "@/lib/actions/define";
import { inviteUser, resendInvite } from "@/lib/users/invite-user";
import { setUserActive } from "@/lib/users/set-user-active";
import { updateUser } from "@/lib/users/update-user";
import { setTeamActiveSchema, teamSchema, updateTeamSchema } from "@/lib/users/admin-schema";
import { createTeam, setTeamActive, updateTeam } from "@/lib/users/team-service";

const TEAMS = "/admin/teams";
const saved = { ok: true, saved: true } as const;

export const createTeamAction = defineAction(
  { name: "createTeamAction", permission: "admin.teams", schema: teamSchema, revalidate: [TEAMS, "/admin/users"] },
  async (actor, input) => {
    const result = await createTeam(actor, input);
    return result.ok ? saved : result;
  },
);

export const updateTeamAction = defineAction(
  {
    name: "updateTeamAction",
    permission: "admin.teams",
    schema: updateTeamSchema,
    revalidate: [TEAMS, "/admin/users"],
  },
  async (actor, input) => {
    const result = await updateTeam(actor, input);
    return result.ok ? saved : result;
  },
);

export const setTeamActiveAction = defineAction(
  { name: "setTeamActiveAction", permission: "admin.teams", schema: setTeamActiveSchema, revalidate: [TEAMS] },
  async (actor, input) => {
    const result = await setTeamActive(actor, input);
    return result.ok ? saved : result;
  },
);

// User administration: thin adapters over lib/users/invite-user.ts, update-user.ts and set-user-active.ts.
const USERS = "/admin/users";

/** Returns the set-password link once, for installations without outgoing mail. */
export const inviteUserAction = defineAction(
  { name: "inviteUserAction", permission: "admin.users", args: [actionArg.input], revalidate: [USERS] },
  async (actor, input) => {
    const result = await inviteUser(actor, input);
    return result.ok ? { ok: true as const, setPasswordUrl: result.setPasswordUrl } : result;
  },
);

export const resendInviteAction = defineAction(
  { name: "resendInviteAction", permission: "admin.users", args: [actionArg.id], revalidate: [USERS] },
  async (actor, userId) => {
    const result = await resendInvite(actor, userId);
    return result.ok ? { ok: true as const, setPasswordUrl: result.setPasswordUrl } : result;
  },
);

export const updateUserAction = defineAction(
  { name: "updateUserAction", permission: "admin.users", args: [actionArg.input], revalidate: [USERS] },
  async (actor, input) => {
    const result = await updateUser(actor, input);
    return result.ok ? saved : result;
  },
);

export const setUserActiveAction = defineAction(
  { name: "setUserActiveAction", permission: "admin.users", args: [actionArg.input], revalidate: [USERS] },
  async (actor, input) => {
    const result = await setUserActive(actor, input);
    return result.ok ? saved : result;
  },
);
