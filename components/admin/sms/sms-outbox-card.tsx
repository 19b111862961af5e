import { Send } from "lucide-react";
import { getFormatter, getTranslations } from "next-intl/server";
import { DELIVERY_TONES, SmsEncodingLabel, SmsKindBadge } from "@/components/admin/sms/sms-badges";
import { Badge } from "@/components/ui/badge";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { DeliveryStatus } from "@/lib/generated/prisma/enums";
import { SMS_RECENT_LIMIT, type SmsOutboxOverview } from "@/lib/sms/queries";

const STATUSES: readonly DeliveryStatus[] = ["pending", "sent", "failed"];

export async function SmsOutboxCard({ overview, provider }: { overview: SmsOutboxOverview; provider: string | null }) {
  const [t, format] = await Promise.all([getTranslations("adminSms.outbox"), getFormatter()]);
  return (
    <Card data-testid="sms-outbox-card" className="min-w-0 overflow-hidden">
      <CardHeader>
        <div>
          <CardTitle>{t("title")}</CardTitle>
          <CardDescription>{t("description", { limit: SMS_RECENT_LIMIT })}</CardDescription>
        </div>
        <span className="text-[13px] text-slate-500">{provider ? t("provider", { provider }) : t("noProvider")}</span>
      </CardHeader>
      <dl className="grid grid-cols-3 divide-x divide-slate-100 border-b border-slate-100">
        {STATUSES.map((status) => (
          <div key={status} className="px-5 py-3" data-testid={`sms-count-${status}`}>
            <dt>
              <Badge tone={DELIVERY_TONES[status]} dot>
                {t(`status.${status}`)}
              </Badge>
            </dt>
            <dd className="mt-1 text-xl font-semibold text-slate-900 tabular-nums">
              {format.number(overview.counts[status])}
            </dd>
          </div>
        ))}
      </dl>
      {overview.recent.length === 0 ? (
        <EmptyState icon={Send} title={t("empty")} />
      ) : (
        <Table>
          <TableCaption>{t("title")}</TableCaption>
          <TableHeader>
            <TableRow className="hover:bg-transparent">
              <TableHead>{t("columns.text")}</TableHead>
              <TableHead>{t("columns.to")}</TableHead>
              <TableHead>{t("columns.kind")}</TableHead>
              <TableHead>{t("columns.encoding")}</TableHead>
              <TableHead>{t("columns.status")}</TableHead>
              <TableHead>{t("columns.lastError")}</TableHead>
              <TableHead>{t("columns.created")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {overview.recent.map((sms) => (
              <TableRow key={sms.id}>
                <TableCell className="max-w-xs text-[13px] text-slate-900">
                  <span className="line-clamp-2" title={sms.text}>
                    {sms.text}
                  </span>
                </TableCell>
                <TableCell className="text-[13px] tabular-nums">{sms.to}</TableCell>
                <TableCell>
                  <SmsKindBadge kind={sms.kind} />
                </TableCell>
                <TableCell>
                  <SmsEncodingLabel encoding={sms.encoding} segments={sms.segments} />
                </TableCell>
                <TableCell className="whitespace-nowrap">
                  <Badge tone={DELIVERY_TONES[sms.status]} dot>
                    {t(`status.${sms.status}`)}
                  </Badge>
                  {sms.receiptStatus ? (
                    <span className="ml-1 text-xs text-slate-500">
                      {sms.receiptStatus === "DELIVRD" ? t("receipt.delivered") : t("receipt.failed")}
                    </span>
                  ) : null}
                  {sms.deferred ? (
                    <span className="block text-xs text-slate-500">
                      {t("deferredUntil", {
                        time: format.dateTime(sms.notBefore, { dateStyle: "short", timeStyle: "short" }),
                      })}
                    </span>
                  ) : null}
                </TableCell>
                <TableCell className="max-w-xs text-[13px] text-danger-700">
                  {sms.lastError === "opted_out" ? (
                    t("optedOut")
                  ) : sms.lastError ? (
                    <span className="line-clamp-2" title={sms.lastError}>
                      {sms.lastError}
                    </span>
                  ) : null}
                </TableCell>
                <TableCell className="text-[13px] whitespace-nowrap tabular-nums">
                  <time dateTime={sms.createdAt.toISOString()}>
                    {format.dateTime(sms.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                  </time>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Card>
  );
}
