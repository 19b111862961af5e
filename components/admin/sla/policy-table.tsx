// The SLA policies table: who each policy applies to, its targets and calendar.
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { CLOCK_KINDS } from "@/lib/sla/admin/schema";
import type { PolicyListRow } from "@/lib/sla/admin/queries";
import { targetText } from "./target-text";

export async function PolicyTable({ policies }: { policies: PolicyListRow[] }) {
  const locale = await getLocale();
  const [t, tPriority] = await Promise.all([getTranslations("adminSla"), getTranslations("priority")]);
  const nameOf = (row: { nameZh: string; nameEn: string }) => (locale === "zh-CN" ? row.nameZh : row.nameEn);

  function chips(policy: PolicyListRow) {
    const list: string[] = [];
    if (policy.matchType) list.push(t(`types.${policy.matchType}`));
    if (policy.matchSeverity) list.push(`${t("criteria.severity")}: ${nameOf(policy.matchSeverity)}`);
    if (policy.matchPriority) list.push(`${t("criteria.priority")}: ${tPriority(policy.matchPriority)}`);
    if (policy.matchTier) list.push(`${t("criteria.tier")}: ${nameOf(policy.matchTier)}`);
    if (policy.matchChannel) list.push(`${t("criteria.channel")}: ${nameOf(policy.matchChannel)}`);
    return list;
  }

  return (
    <Table data-testid="sla-policies-table">
      <TableCaption>{t("title")}</TableCaption>
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          <TableHead>{t("columns.name")}</TableHead>
          <TableHead>{t("columns.match")}</TableHead>
          <TableHead>{t("columns.targets")}</TableHead>
          <TableHead>{t("columns.calendar")}</TableHead>
          <TableHead className="text-right">{t("columns.warn")}</TableHead>
          <TableHead>{t("columns.status")}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {policies.map((policy) => {
          const criteria = chips(policy);
          const targets = CLOCK_KINDS.flatMap((clock) => policy.targets.filter((target) => target.clock === clock));
          return (
            <TableRow key={policy.id} className={policy.active ? undefined : "text-slate-400"}>
              <TableCell className="align-top">
                <Link
                  href={`/admin/sla/${policy.id}`}
                  className="focus-ring rounded font-medium text-brand-700 hover:underline"
                >
                  {nameOf(policy)}
                </Link>
                <div className="mt-0.5 font-mono text-xs text-slate-500">
                  {policy.code} · {t("rankShort", { rank: policy.rank })}
                </div>
              </TableCell>
              <TableCell className="align-top">
                <div className="flex max-w-64 flex-wrap gap-1">
                  {policy.isDefault ? <Badge tone="brand">{t("defaultPolicy")}</Badge> : null}
                  {criteria.map((chip) => (
                    <Badge key={chip} tone="neutral">
                      {chip}
                    </Badge>
                  ))}
                  {!policy.isDefault && criteria.length === 0 ? (
                    <Badge tone="neutral">{t("anyComplaint")}</Badge>
                  ) : null}
                </div>
              </TableCell>
              <TableCell className="align-top text-[13px]">
                <dl className="grid grid-cols-[auto_auto] gap-x-3 gap-y-0.5">
                  {targets.map((target) => (
                    <div key={target.clock} className="contents">
                      <dt className="whitespace-nowrap text-slate-500">{t(`clocks.${target.clock}`)}</dt>
                      <dd className="whitespace-nowrap tabular-nums text-slate-900">
                        {targetText(t, target.minutes, policy.calendar.workingDayMinutes)}
                      </dd>
                    </div>
                  ))}
                </dl>
              </TableCell>
              <TableCell className="align-top text-[13px]">{nameOf(policy.calendar)}</TableCell>
              <TableCell className="text-right align-top tabular-nums">{policy.warnPercent}%</TableCell>
              <TableCell className="align-top">
                <Badge tone={policy.active ? "success" : "neutral"} dot>
                  {policy.active ? t("active") : t("inactive")}
                </Badge>
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
