import type { Metadata } from "next";
import Link from "next/link";
import { Siren } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { EscalationTable } from "@/components/escalations/escalation-table";
import { PageHeader } from "@/components/shell/page-header";
import { buttonClasses } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePermission } from "@/lib/auth/session";
import { listAssignableMembers } from "@/lib/complaints/workspace-context";
import { escalationInbox } from "@/lib/escalations/inbox";
import { parseId } from "@/lib/validation";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("escalations");
  return { title: t("title") };
}

const TABS = ["open", "closed", "all"] as const;
type Tab = (typeof TABS)[number];

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

// The supervisors' escalation inbox: tabs and the page cursor live in the URL; each row acts through a dialog.
export default async function EscalationsPage({ searchParams }: PageProps) {
  const user = await requirePermission("escalation.manage");
  const params = await searchParams;
  const status: Tab = TABS.find((tab) => tab === single(params.status)) ?? "open";
  const rawCursor = single(params.cursor);
  const cursor =
    rawCursor && /^[ac]:\d+$/.test(rawCursor) && parseId(rawCursor.slice(2)) !== null ? rawCursor : undefined;
  const t = await getTranslations("escalations");
  const now = new Date();
  const result = await escalationInbox(user.actor, { status, cursor, limit: 50 }, now);
  const rows = result.ok ? result.rows : [];
  const nextCursor = result.ok ? result.nextCursor : null;

  // Reassigning offers the members of each row's team.
  const teamIds = [...new Set(rows.flatMap((row) => (row.complaint.teamId !== null ? [row.complaint.teamId] : [])))];
  const members = await Promise.all(
    teamIds.map(
      async (teamId) => [teamId, (await listAssignableMembers(teamId)).map(({ id, name }) => ({ id, name }))] as const,
    ),
  );
  const href = (tab: Tab, next?: string) => {
    const query = new URLSearchParams();
    if (tab !== "open") query.set("status", tab);
    if (next) query.set("cursor", next);
    const text = query.toString();
    return text ? `/escalations?${text}` : "/escalations";
  };

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <nav aria-label={t("tabsLabel")} className="mb-4 overflow-x-auto">
        <ul className="inline-flex min-w-full items-center gap-1 border-b border-slate-200">
          {TABS.map((tab) => (
            <li key={tab}>
              <Link
                href={href(tab)}
                aria-current={tab === status ? "page" : undefined}
                data-testid={`escalation-tab-${tab}`}
                className={cn(
                  "focus-ring -mb-px inline-flex items-center gap-2 border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap transition-colors",
                  tab === status
                    ? "border-brand-600 text-brand-700"
                    : "border-transparent text-slate-500 hover:text-slate-800",
                )}
              >
                {t(`tabs.${tab}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {rows.length === 0 ? (
        <div className="rounded-xl border border-slate-200 bg-white">
          <EmptyState
            icon={Siren}
            title={status === "open" ? t("emptyOpen") : t("empty")}
            description={status === "open" ? t("emptyOpenHint") : t("emptyHint")}
          />
        </div>
      ) : (
        <EscalationTable rows={rows} membersByTeam={Object.fromEntries(members)} now={now} />
      )}
      {cursor || nextCursor ? (
        <div className="mt-4 flex items-center justify-between gap-3">
          {cursor ? (
            <Link href={href(status)} className={buttonClasses("ghost", "sm")}>
              {t("backToStart")}
            </Link>
          ) : (
            <span />
          )}
          {nextCursor ? (
            <Link
              href={href(status, nextCursor)}
              className={buttonClasses("secondary", "sm")}
              data-testid="escalation-more"
            >
              {t("more")}
            </Link>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
