import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AdminHome } from "@/components/home/admin-home";
import { AgentHome } from "@/components/home/agent-home";
import { ManagerHome } from "@/components/home/manager-home";
import { SupervisorHome } from "@/components/home/supervisor-home";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("nav");
  return { title: t("home") };
}

// One home per role, each with its own data.
export default async function HomePage() {
  const user = await requireUser();
  switch (user.role) {
    case "agent":
      return <AgentHome user={user} />;
    case "supervisor":
      return <SupervisorHome user={user} />;
    case "manager":
      return <ManagerHome user={user} />;
    case "admin":
      return <AdminHome user={user} />;
    case "liaison":
      // A department liaison works only in the department inbox (issue 18).
      redirect("/department-requests");
  }
}
