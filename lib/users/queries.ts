// Reads about users and teams for the shell and the admin pages (admin pages check admin.users / admin.teams first).
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { localizedName, type AppLocale } from "@/lib/i18n/locales";

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
  active: boolean;
  lastLoginAt: Date | null;
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
      memberships: { select: { team: { select: { nameZh: true, nameEn: true } } } },
    },
    orderBy: [{ active: "desc" }, { role: "asc" }, { name: "asc" }],
  });
  return users.map(({ memberships, ...user }) => ({
    ...user,
    teams: memberships.map((membership) => localizedName(locale, membership.team)),
  }));
}

export type AdminTeamRow = {
  id: number;
  code: string;
  name: string;
  active: boolean;
  supervisorName: string | null;
  memberCount: number;
};

export async function listTeamsForAdmin(locale: AppLocale): Promise<AdminTeamRow[]> {
  const teams = await db.team.findMany({
    select: {
      id: true,
      code: true,
      nameZh: true,
      nameEn: true,
      active: true,
      supervisor: { select: { name: true } },
      _count: { select: { members: true } },
    },
    orderBy: [{ active: "desc" }, { code: "asc" }],
  });
  return teams.map((team) => ({
    id: team.id,
    code: team.code,
    name: localizedName(locale, team),
    active: team.active,
    supervisorName: team.supervisor?.name ?? null,
    memberCount: team._count.members,
  }));
}
