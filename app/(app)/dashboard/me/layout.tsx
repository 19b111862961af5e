import type { ReactNode } from "react";
import { requirePermission } from "@/lib/auth/session";

// Checked outside loading.tsx's Suspense boundary, so a refusal is sent with status 403 (issue 14 item 7).
export default async function MyDashboardLayout({ children }: { children: ReactNode }) {
  await requirePermission("complaint.read");
  return children;
}
