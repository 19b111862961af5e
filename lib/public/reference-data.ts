// Reference data the public channels need: the intake channel by kind, the default severity, and the categories
// a customer may choose from. Named queries, so pages and route handlers never touch Prisma themselves.
import "server-only";
import { db } from "@/lib/db";
import type { ChannelKind } from "@/lib/generated/prisma/enums";

/** The active channel of a kind ("web" for the public form, "email" for the inbound webhook), or null if none. */
export async function channelIdOfKind(kind: ChannelKind): Promise<number | null> {
  const channel = await db.channel.findFirst({
    where: { kind, active: true },
    orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
    select: { id: true },
  });
  return channel?.id ?? null;
}

/**
 * The least severe grade (highest rank number; rank 1 is the most severe). Customers do not grade their own
 * complaints: the service centre re-grades after reading it, so public intake starts at the bottom.
 */
export async function leastSevereSeverityId(): Promise<number | null> {
  const severity = await db.severity.findFirst({ orderBy: [{ rank: "desc" }, { id: "asc" }], select: { id: true } });
  return severity?.id ?? null;
}

export type PublicCategory = { id: number; nameZh: string; nameEn: string };

/** Active top-level categories, in their configured order; subcategories are for the service centre. */
export async function publicCategories(): Promise<PublicCategory[]> {
  return db.category.findMany({
    where: { active: true, parentId: null },
    orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
    select: { id: true, nameZh: true, nameEn: true },
  });
}
