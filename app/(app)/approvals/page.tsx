import type { Metadata } from "next";
import { HandCoins } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { ApprovalsTable } from "@/components/compensation/approvals-table";
import { PageHeader } from "@/components/shell/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePermission } from "@/lib/auth/session";
import { listPendingApprovals } from "@/lib/compensation/queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("approvals");
  return { title: t("title") };
}

// Everything waiting for the signed-in approver's decision, oldest first: approve/reject here or open the complaint.
export default async function ApprovalsPage() {
  const user = await requirePermission("compensation.approve");
  const [t, rows] = await Promise.all([getTranslations("approvals"), listPendingApprovals(user.actor, { limit: 200 })]);
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        meta={rows.length > 0 ? t("count", { count: rows.length }) : undefined}
      />
      {rows.length === 0 ? (
        <div className="rounded-xl border border-slate-200 bg-white">
          <EmptyState icon={HandCoins} title={t("emptyTitle")} description={t("emptyDescription")} />
        </div>
      ) : (
        <ApprovalsTable rows={rows} />
      )}
    </>
  );
}
