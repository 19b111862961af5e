// Whether a customer exists within the actor's scope: one indexed lookup, for the layout that must answer 404
// before the page streams (app/(app)/customers/[id]/layout.tsx).
import "server-only";
import { can, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { customerScope } from "@/lib/customers/scope";

export async function customerVisible(actor: Actor, id: number): Promise<boolean> {
  if (!can(actor, "customer.read")) return false;
  return (await db.customer.count({ where: { AND: [{ id }, customerScope(actor)] } })) > 0;
}
