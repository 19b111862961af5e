// The signed-in user for server components, server actions and route handlers. Every request re-reads the user,
// so a deactivated user or a revoked session (sessionVersion bumped) stops working on its very next request.
import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { redirect, forbidden } from "next/navigation";
import { authOptionsFor } from "@/lib/auth/cookies";
import { db } from "@/lib/db";
import { can, permissionsOf, type Actor, type Permission } from "@/lib/auth/permissions";
import type { Role } from "@/lib/generated/prisma/enums";
import type { AppLocale } from "@/lib/i18n/locales";

export type CurrentUser = {
  id: number;
  name: string;
  email: string;
  role: Role;
  locale: AppLocale;
  teamIds: number[];
  permissions: ReadonlySet<Permission>;
  actor: Actor;
};

type SessionState = { user: CurrentUser } | { user: null; reason: "signed_out" | "inactive" | "expired" };

const loadSession = cache(async (): Promise<SessionState> => {
  const session = await getServerSession(authOptionsFor(await headers()));
  if (!session || typeof session.userId !== "number") return { user: null, reason: "signed_out" };
  const user = await db.user.findUnique({
    where: { id: session.userId },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      locale: true,
      active: true,
      sessionVersion: true,
      memberships: { select: { teamId: true } },
    },
  });
  if (!user) return { user: null, reason: "expired" };
  if (!user.active) return { user: null, reason: "inactive" };
  if (session.sessionVersion !== user.sessionVersion) return { user: null, reason: "expired" };
  const permissions = permissionsOf(user.role);
  const teamIds = user.memberships.map((membership) => membership.teamId);
  return {
    user: {
      id: user.id,
      name: user.name,
      email: user.email,
      role: user.role,
      locale: user.locale === "en" ? "en" : "zh-CN",
      teamIds,
      permissions,
      actor: { kind: "user", userId: user.id, role: user.role, teamIds, permissions },
    },
  };
});

export async function getCurrentUser(): Promise<CurrentUser | null> {
  return (await loadSession()).user;
}

/** The signed-in user, or a redirect to the sign-in page explaining why the session ended. */
export async function requireUser(): Promise<CurrentUser> {
  const state = await loadSession();
  if (state.user) return state.user;
  redirect(state.reason === "signed_out" ? "/login" : `/login?reason=${state.reason}`);
}

/** The signed-in user holding `permission`; anyone else gets the 403 page. */
export async function requirePermission(permission: Permission): Promise<CurrentUser> {
  const user = await requireUser();
  if (!can(user, permission)) forbidden();
  return user;
}
