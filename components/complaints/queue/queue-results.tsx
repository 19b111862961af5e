import Link from "next/link";
import { ChevronRight, ChevronsLeft, Inbox, SearchX } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { QueueTable, type QueueRowView } from "@/components/complaints/queue/queue-table";
import { activeFilterCount, queueHref, type QueueParams } from "@/components/complaints/queue/queue-params";
import { can } from "@/lib/auth/permissions";
import type { CurrentUser } from "@/lib/auth/session";
import type { StaffOption } from "@/lib/complaints/bulk";
import { countQueue, listQueue, searchesEverything, type QueueRow } from "@/lib/complaints/queue";
import type { QueueFilter } from "@/lib/complaints/schema";
import { allowedBulkStatuses } from "@/components/complaints/queue/bulk-statuses";
import { localizedName, type AppLocale } from "@/lib/i18n/locales";

type QueueResultsProps = {
  user: CurrentUser;
  filter: QueueFilter;
  params: QueueParams;
  locale: AppLocale;
  staff: StaffOption[];
  rootCauses: { value: string; label: string }[];
};

function toView(row: QueueRow, locale: AppLocale): QueueRowView {
  return {
    id: row.id,
    reference: row.reference,
    subject: row.subject,
    customerName: row.customer.name,
    tierName: row.customer.tier ? localizedName(locale, row.customer.tier) : null,
    tierRank: row.customer.tier?.rank ?? null,
    status: row.status,
    severityName: localizedName(locale, row.severity),
    severityColor: row.severity.color,
    priority: row.priority,
    assigneeName: row.assignee?.name ?? null,
    teamName: row.team ? localizedName(locale, row.team) : null,
    nextDueAt: row.nextDueAt,
    nextWarnAt: row.nextWarnAt,
    slaBreached: row.slaBreached,
  };
}

// The queue table for one URL state: rows, empty state per queue, keyset pagination links.
export async function QueueResults({ user, filter, params, locale, staff, rootCauses }: QueueResultsProps) {
  const [t, { rows, nextCursor }, total] = await Promise.all([
    getTranslations("queue"),
    listQueue(user.actor, filter),
    // A list opened from a dashboard figure says how many complaints it holds in all ("共 N 条").
    filter.kpi ? countQueue(user.actor, filter) : Promise.resolve(undefined),
  ]);
  const now = new Date();
  const filtered = activeFilterCount(params) > 0 || Boolean(params.q);
  const scopeNote = searchesEverything(filter) ? (
    <p className="px-4 pt-3 text-[13px] text-slate-500" data-testid="queue-search-scope">
      {t("searchAllStatuses")}
    </p>
  ) : null;

  if (rows.length === 0) {
    const key = filtered ? "filtered" : filter.queue;
    return (
      <Card data-testid="queue-empty">
        {scopeNote}
        <EmptyState
          icon={filtered ? SearchX : Inbox}
          title={t(`empty.${key}.title`)}
          description={t(`empty.${key}.description`)}
        />
        {filter.cursor ? <Pagination params={params} nextCursor={null} /> : null}
      </Card>
    );
  }

  return (
    <Card>
      {scopeNote}
      <QueueTable
        rows={rows.map((row) => toView(row, locale))}
        now={now}
        caption={t(`tabs.${filter.queue}`)}
        bulk={{
          canAssign: can(user, "complaint.bulk") && can(user, "complaint.assign"),
          canTransition: can(user, "complaint.bulk") && can(user, "complaint.transition"),
          statuses: allowedBulkStatuses(user),
          staff: staff.map((member) => ({ value: String(member.id), label: member.name })),
          rootCauses,
        }}
      />
      <Pagination params={params} nextCursor={nextCursor} count={rows.length} total={total} />
    </Card>
  );
}

async function Pagination({
  params,
  nextCursor,
  count,
  total,
}: {
  params: QueueParams;
  nextCursor: string | null;
  count?: number;
  total?: number;
}) {
  const t = await getTranslations("queue.pagination");
  if (!params.cursor && !nextCursor && count === undefined) return null;
  return (
    <nav
      aria-label={t("label")}
      className="flex items-center justify-between gap-3 border-t border-slate-100 px-5 py-3"
    >
      <p className="text-xs text-slate-500">
        {total !== undefined ? (
          <span className="mr-2 font-medium text-slate-700" data-testid="queue-total">
            {t("total", { count: total })}
          </span>
        ) : null}
        {count !== undefined ? t("onPage", { count }) : null}
      </p>
      <div className="flex items-center gap-2">
        {params.cursor ? (
          <Button asChild variant="secondary" size="sm">
            <Link href={queueHref(params, { cursor: undefined })}>
              <ChevronsLeft aria-hidden />
              {t("first")}
            </Link>
          </Button>
        ) : null}
        {nextCursor ? (
          <Button asChild variant="secondary" size="sm">
            <Link href={queueHref(params, { cursor: nextCursor })} data-testid="queue-next-page">
              {t("next")}
              <ChevronRight aria-hidden />
            </Link>
          </Button>
        ) : null}
      </div>
    </nav>
  );
}
