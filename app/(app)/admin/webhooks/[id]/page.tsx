import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArrowLeft, Inbox } from "lucide-react";
import { getFormatter, getTranslations } from "next-intl/server";
import { EditWebhookForm } from "@/components/admin/webhooks/edit-webhook-form";
import { RedeliverButton } from "@/components/admin/webhooks/small-actions";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requirePermission } from "@/lib/auth/session";
import { WEBHOOK_EVENTS } from "@/lib/webhooks/event-names";
import { getWebhook, listDeliveries } from "@/lib/webhooks/service";
import { parseId } from "@/lib/validation";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adminWebhooks");
  return { title: t("detailTitle") };
}

const STATUS_TONE = { pending: "warning", sent: "success", failed: "danger" } as const;

export default async function WebhookDetailPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ cursor?: string }>;
}) {
  await requirePermission("admin.webhooks");
  const [{ id: rawId }, { cursor: rawCursor }] = await Promise.all([params, searchParams]);
  const id = parseId(rawId);
  if (id === null) notFound();
  const cursor = parseId(rawCursor);
  const [t, format, hook, deliveries] = await Promise.all([
    getTranslations("adminWebhooks"),
    getFormatter(),
    getWebhook(id),
    listDeliveries(id, cursor),
  ]);
  if (!hook) notFound();
  const dateTime = (date: Date | null) =>
    date ? format.dateTime(date, { dateStyle: "short", timeStyle: "medium" }) : "—";
  const events = WEBHOOK_EVENTS.filter((event) => hook.events.includes(event));

  return (
    <>
      <PageHeader
        title={t("detailTitle")}
        description={<span className="font-mono">{hook.url}</span>}
        actions={
          <Link href="/admin/webhooks" className={buttonClasses("secondary")}>
            <ArrowLeft aria-hidden />
            {t("back")}
          </Link>
        }
      />
      <EditWebhookForm
        id={hook.id}
        initial={{ url: hook.url, events, active: hook.active }}
        version={hook.updatedAt.toISOString()}
      />
      <Card className="mt-6">
        <CardHeader>
          <CardTitle>{t("log.title")}</CardTitle>
        </CardHeader>
        {deliveries.rows.length === 0 ? (
          <EmptyState icon={Inbox} title={t("log.empty")} />
        ) : (
          <Table data-testid="webhook-deliveries">
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                <TableHead>{t("log.id")}</TableHead>
                <TableHead>{t("log.event")}</TableHead>
                <TableHead>{t("log.status")}</TableHead>
                <TableHead>{t("log.response")}</TableHead>
                <TableHead>{t("log.attempts")}</TableHead>
                <TableHead>{t("log.created")}</TableHead>
                <TableHead>{t("log.next")}</TableHead>
                <TableHead className="text-right">
                  <span className="sr-only">{t("log.actions")}</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {deliveries.rows.map((row) => (
                <TableRow key={row.id}>
                  <TableCell className="font-mono text-[13px]">#{row.id}</TableCell>
                  <TableCell className="font-mono text-[13px]">{row.event}</TableCell>
                  <TableCell>
                    <Badge tone={STATUS_TONE[row.status]} dot>
                      {t(`log.states.${row.status}`)}
                    </Badge>
                  </TableCell>
                  <TableCell className="text-[13px]">
                    {row.responseStatus ?? "—"}
                    {row.lastError ? (
                      <span className="block max-w-xs truncate text-xs text-danger-700" title={row.lastError}>
                        {row.lastError}
                      </span>
                    ) : null}
                  </TableCell>
                  <TableCell className="text-[13px]">{row.attempts}</TableCell>
                  <TableCell className="text-[13px] whitespace-nowrap">{dateTime(row.createdAt)}</TableCell>
                  <TableCell className="text-[13px] whitespace-nowrap">
                    {row.status === "sent" ? dateTime(row.deliveredAt) : dateTime(row.nextAttemptAt)}
                  </TableCell>
                  <TableCell className="text-right">
                    <RedeliverButton deliveryId={row.id} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        {cursor || deliveries.nextCursor ? (
          <div className="flex justify-end gap-2 border-t border-slate-100 p-3">
            {cursor ? (
              <Link href={`/admin/webhooks/${id}`} className={buttonClasses("secondary", "sm")}>
                {t("log.newest")}
              </Link>
            ) : null}
            {deliveries.nextCursor ? (
              <Link
                href={`/admin/webhooks/${id}?cursor=${deliveries.nextCursor}`}
                className={buttonClasses("secondary", "sm")}
              >
                {t("log.older")}
              </Link>
            ) : null}
          </div>
        ) : null}
      </Card>
    </>
  );
}
