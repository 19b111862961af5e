import type { ReactNode } from "react";
import { redirect } from "next/navigation";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";

// Redirects those without dashboard.view before loading.tsx's Suspense boundary streams, so the answer is a real
// redirect (307) rather than a 200 page that redirects itself (issue 14 item 7).
export default async function DashboardOverviewLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  if (!can(user, "dashboard.view")) redirect(can(user, "dashboard.team") ? "/dashboard/team" : "/dashboard/me");
  return children;
}
