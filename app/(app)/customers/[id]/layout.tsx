import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/session";
import { customerVisible } from "@/lib/customers/visible";
import { parseId } from "@/lib/validation";

// The permission and the lookup run here, outside loading.tsx's Suspense boundary: once the skeleton streams the
// status is sent, and a notFound() in the page would answer 200 (issue 14 item 7). customers/not-found.tsx renders it.
export default async function CustomerLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ id: string }>;
}) {
  const user = await requirePermission("customer.read");
  const id = parseId((await params).id);
  if (id === null || !(await customerVisible(user.actor, id))) notFound();
  return children;
}
