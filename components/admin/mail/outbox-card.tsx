import { Send } from "lucide-react";
import { getFormatter, getTranslations } from "next-intl/server";
import { MailKindBadge } from "@/components/admin/mail/mail-kind-badge";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { DeliveryStatus } from "@/lib/generated/prisma/enums";
import { OUTBOX_RECENT_LIMIT, type OutboxOverview } from "@/lib/mail/queries";

const STATUS_TONES: Record<DeliveryStatus, BadgeTone> = { pending: "warning", sent: "success", failed: "danger" };
const STATUSES: readonly DeliveryStatus[] = ["pending", "sent", "failed"];

export async function OutboxCard({ overview, smtpServer }: { overview: OutboxOverview; smtpServer: string | null }) {
  const [t, format] = await Promise.all([getTranslations("adminMail.outbox"), getFormatter()]);
  return (
    <Card data-testid="outbox-card">
      <CardHeader>
        <div>
          <CardTitle>{t("title")}</CardTitle>
          <CardDescription>{t("description", { limit: OUTBOX_RECENT_LIMIT })}</CardDescription>
        </div>
        <span className="text-[13px] text-slate-500">
          {smtpServer ? t("server", { server: smtpServer }) : t("noServer")}
        </span>
      </CardHeader>
      <dl className="grid grid-cols-3 divide-x divide-slate-100 border-b border-slate-100">
        {STATUSES.map((status) => (
          <div key={status} className="px-5 py-3" data-testid={`outbox-count-${status}`}>
            <dt>
              <Badge tone={STATUS_TONES[status]} dot>
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
              <TableHead>{t("columns.subject")}</TableHead>
              <TableHead>{t("columns.to")}</TableHead>
              <TableHead>{t("columns.kind")}</TableHead>
              <TableHead>{t("columns.status")}</TableHead>
              <TableHead className="text-right">{t("columns.attempts")}</TableHead>
              <TableHead>{t("columns.lastError")}</TableHead>
              <TableHead>{t("columns.created")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {overview.recent.map((email) => (
              <TableRow key={email.id}>
                <TableCell className="max-w-xs font-medium text-slate-900">
                  <span className="line-clamp-1" title={email.subject}>
                    {email.subject}
                  </span>
                </TableCell>
                <TableCell className="text-[13px]">{email.to}</TableCell>
                <TableCell>
                  <MailKindBadge kind={email.kind} />
                </TableCell>
                <TableCell>
                  <Badge tone={STATUS_TONES[email.status]} dot>
                    {t(`status.${email.status}`)}
                  </Badge>
                </TableCell>
                <TableCell className="text-right tabular-nums">{format.number(email.attempts)}</TableCell>
                <TableCell className="max-w-xs text-[13px] text-danger-700">
                  {email.lastError ? (
                    <span className="line-clamp-2" title={email.lastError}>
                      {email.lastError}
                    </span>
                  ) : null}
                </TableCell>
                <TableCell className="text-[13px] whitespace-nowrap tabular-nums">
                  <time dateTime={email.createdAt.toISOString()}>
                    {format.dateTime(email.createdAt, { dateStyle: "medium", timeStyle: "short" })}
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
