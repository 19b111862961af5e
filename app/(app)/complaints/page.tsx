import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Suspense } from "react";
import { AlertTriangle, Plus } from "lucide-react";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { QueueFilters } from "@/components/complaints/queue/queue-filters";
import { QueueResults } from "@/components/complaints/queue/queue-results";
import { QueueSkeleton } from "@/components/complaints/queue/queue-skeleton";
import { QueueTabs } from "@/components/complaints/queue/queue-tabs";
import { DrillBanner } from "@/components/dashboard/drill-banner";
import { parseQueueParams } from "@/components/complaints/queue/parse-queue-params";
import { toParams, type RawSearchParams } from "@/components/complaints/queue/queue-params";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { listAssignableStaff } from "@/lib/complaints/bulk";
import { QUEUES } from "@/lib/complaints/schema";
import { complaintNamedBy } from "@/lib/complaints/queue";
import { getComplaintFormOptions } from "@/lib/complaints/workspace";
import { isAppLocale, localizedName } from "@/lib/i18n/locales";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("queue");
  return { title: t("title") };
}

type PageProps = { searchParams: Promise<RawSearchParams> };

// The agent queues: tabs, filters and sort all live in the URL; the table streams in behind a skeleton.
export default async function ComplaintsPage({ searchParams }: PageProps) {
  const user = await requirePermission("complaint.read");
  const allowedQueues = QUEUES.filter((queue) => queue !== "all" || can(user, "complaint.read_all"));
  const { filter, invalid } = parseQueueParams(await searchParams, allowedQueues);
  // Typing a complaint's full reference opens it.
  const named = filter.kpi ? null : await complaintNamedBy(user.actor, filter.q);
  if (named) redirect(`/complaints/${named}`);
  const params = toParams(filter);
  const rawLocale = await getLocale();
  const locale = isAppLocale(rawLocale) ? rawLocale : "zh-CN";
  const [t, options, staff] = await Promise.all([
    getTranslations("queue"),
    getComplaintFormOptions(),
    listAssignableStaff(user.actor),
  ]);
  const name = (row: { nameZh: string; nameEn: string }) => localizedName(locale, row);
  const topCategories = options.categories.filter((category) => category.parentId === null);

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          can(user, "complaint.create") ? (
            <Button asChild>
              <Link href="/complaints/new">
                <Plus aria-hidden />
                {t("newComplaint")}
              </Link>
            </Button>
          ) : null
        }
      />
      {invalid ? (
        <p
          role="status"
          data-testid="queue-invalid-params"
          className="mb-4 flex items-center gap-2 rounded-lg border border-warning-100 bg-warning-50 px-4 py-3 text-sm text-warning-700"
        >
          <AlertTriangle aria-hidden className="size-4 shrink-0" />
          {t("invalidParams")}
        </p>
      ) : null}
      {filter.kpi ? <DrillBanner filter={filter} /> : null}
      <Suspense fallback={<div className="mb-4 h-10" />}>
        <QueueTabs actor={user.actor} queues={allowedQueues} current={filter.queue} params={params} />
      </Suspense>
      <QueueFilters
        params={params}
        options={{
          severity: options.severities.map((row) => ({ value: String(row.id), label: name(row) })),
          category: topCategories.map((row) => ({ value: String(row.id), label: name(row) })),
          channel: options.channels.map((row) => ({ value: String(row.id), label: name(row) })),
          team: options.teams.map((row) => ({ value: String(row.id), label: name(row) })),
          assignee: staff.map((row) => ({ value: String(row.id), label: row.name })),
          tier: options.tiers.map((row) => ({ value: String(row.id), label: name(row) })),
        }}
      />
      <Suspense key={JSON.stringify(params)} fallback={<QueueSkeleton />}>
        <QueueResults
          user={user}
          filter={filter}
          params={params}
          locale={locale}
          staff={staff}
          rootCauses={options.rootCauses.map((row) => ({ value: String(row.id), label: name(row) }))}
        />
      </Suspense>
    </>
  );
}
