// Reads about users and teams for the shell and the admin pages (admin pages check admin.users / admin.teams first).
import "server-only";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { fromDbLocale, localizedName, type AppLocale } from "@/lib/i18n/locales";

/** Names of the given teams in the UI language, for the user menu. */
export async function getTeamNames(teamIds: readonly number[], locale: AppLocale): Promise<string[]> {
  if (teamIds.length === 0) return [];
  const teams = await db.team.findMany({
    where: { id: { in: [...teamIds] } },
    select: { nameZh: true, nameEn: true },
    orderBy: { code: "asc" },
  });
  return teams.map((team) => localizedName(locale, team));
}

export type AdminUserRow = {
  id: number;
  name: string;
  email: string;
  role: Role;
  locale: AppLocale;
  active: boolean;
  lastLoginAt: Date | null;
  /** False while an invited user has not chosen a password yet. */
  passwordSet: boolean;
  updatedAt: Date;
  teamIds: number[];
  teams: string[];
};

export async function listUsersForAdmin(locale: AppLocale): Promise<AdminUserRow[]> {
  const users = await db.user.findMany({
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      active: true,
      lastLoginAt: true,
      locale: true,
      updatedAt: true,
      passwordHash: true,
      memberships: { select: { team: { select: { id: true, nameZh: true, nameEn: true } } } },
    },
    orderBy: [{ active: "desc" }, { role: "asc" }, { name: "asc" }],
  });
  // passwordHash is read only to tell "invited" from "active" and never leaves this function.
  return users.map(({ memberships, passwordHash, locale: userLocale, ...user }) => ({
    ...user,
    locale: fromDbLocale(userLocale),
    passwordSet: passwordHash !== null,
    teamIds: memberships.map((membership) => membership.team.id),
    teams: memberships.map((membership) => localizedName(locale, membership.team)),
  }));
}

export type AdminTeamRow = {
  id: number;
  code: string;
  name: string;
  nameZh: string;
  nameEn: string;
  active: boolean;
  supervisorId: number | null;
  supervisorName: string | null;
  l3DepartmentId: number | null;
  l4DepartmentId: number | null;
  l3DepartmentName: string | null;
  l4DepartmentName: string | null;
  memberCount: number;
  memberIds: number[];
  updatedAt: Date;
};

export async function listTeamsForAdmin(locale: AppLocale): Promise<AdminTeamRow[]> {
  const teams = await db.team.findMany({
    select: {
      id: true,
      code: true,
      nameZh: true,
      nameEn: true,
      active: true,
      updatedAt: true,
      supervisorId: true,
      supervisor: { select: { name: true } },
      members: { select: { userId: true } },
      l3Department: { select: { id: true, nameZh: true, nameEn: true } },
      l4Department: { select: { id: true, nameZh: true, nameEn: true } },
    },
    orderBy: [{ active: "desc" }, { code: "asc" }],
  });
  return teams.map((team) => ({
    id: team.id,
    code: team.code,
    name: localizedName(locale, team),
    nameZh: team.nameZh,
    nameEn: team.nameEn,
    active: team.active,
    supervisorId: team.supervisorId,
    supervisorName: team.supervisor?.name ?? null,
    l3DepartmentId: team.l3Department?.id ?? null,
    l4DepartmentId: team.l4Department?.id ?? null,
    l3DepartmentName: team.l3Department ? localizedName(locale, team.l3Department) : null,
    l4DepartmentName: team.l4Department ? localizedName(locale, team.l4Department) : null,
    memberCount: team.members.length,
    memberIds: team.members.map((member) => member.userId),
    updatedAt: team.updatedAt,
  }));
}

export type UserOption = { id: number; name: string; role: Role; active: boolean };

/** Everyone who can be put in a team or made its supervisor, for the team dialogs. */
export async function listUserOptions(): Promise<UserOption[]> {
  return db.user.findMany({
    select: { id: true, name: true, role: true, active: true },
    orderBy: [{ active: "desc" }, { name: "asc" }],
  });
}

export type TeamOption = { id: number; name: string; active: boolean };

export async function listTeamOptions(locale: AppLocale): Promise<TeamOption[]> {
  const teams = await db.team.findMany({
    select: { id: true, nameZh: true, nameEn: true, active: true },
    orderBy: [{ active: "desc" }, { code: "asc" }],
  });
  return teams.map((team) => ({ id: team.id, name: localizedName(locale, team), active: team.active }));
}
