import type { Metadata } from "next";
import Link from "next/link";
import { Plus, Timer } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { PolicyTable } from "@/components/admin/sla/policy-table";
import { PageHeader } from "@/components/shell/page-header";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePermission } from "@/lib/auth/session";
import { listPoliciesForAdmin } from "@/lib/sla/admin/queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adminSla");
  return { title: t("title") };
}

export default async function AdminSlaPoliciesPage() {
  await requirePermission("admin.config");
  const [t, policies] = await Promise.all([getTranslations("adminSla"), listPoliciesForAdmin()]);
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        meta={t("count", { count: policies.length })}
        actions={
          <Link href="/admin/sla/new" className={buttonClasses("primary")}>
            <Plus aria-hidden />
            {t("create")}
          </Link>
        }
      />
      <Card>
        {policies.length === 0 ? <EmptyState icon={Timer} title={t("empty")} /> : <PolicyTable policies={policies} />}
      </Card>
    </>
  );
}
