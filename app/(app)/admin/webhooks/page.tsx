import type { Metadata } from "next";
import Link from "next/link";
import { Webhook } from "lucide-react";
import { getFormatter, getTranslations } from "next-intl/server";
import { CreateWebhookDialog } from "@/components/admin/webhooks/create-webhook-dialog";
import { PrivateNetworkToggle } from "@/components/admin/webhooks/small-actions";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requirePermission } from "@/lib/auth/session";
import { listWebhooks, readAllowPrivateNetworks } from "@/lib/webhooks/service";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adminWebhooks");
  return { title: t("title") };
}

export default async function AdminWebhooksPage() {
  await requirePermission("admin.webhooks");
  const [t, format, hooks, allowPrivate] = await Promise.all([
    getTranslations("adminWebhooks"),
    getFormatter(),
    listWebhooks(),
    readAllowPrivateNetworks(),
  ]);
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        meta={t("count", { count: hooks.length })}
        actions={<CreateWebhookDialog />}
      />
      <Card>
        {hooks.length === 0 ? (
          <EmptyState icon={Webhook} title={t("empty.title")} description={t("empty.description")} />
        ) : (
          <Table data-testid="webhooks-table">
            <TableCaption>{t("title")}</TableCaption>
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                <TableHead>{t("columns.url")}</TableHead>
                <TableHead>{t("columns.events")}</TableHead>
                <TableHead>{t("columns.status")}</TableHead>
                <TableHead>{t("columns.deliveries")}</TableHead>
                <TableHead>{t("columns.created")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {hooks.map((hook) => (
                <TableRow key={hook.id}>
                  <TableCell className="max-w-sm truncate font-mono text-[13px]">
                    <Link
                      href={`/admin/webhooks/${hook.id}`}
                      className="focus-ring rounded text-brand-700 hover:underline"
                    >
                      {hook.url}
                    </Link>
                  </TableCell>
                  <TableCell>
                    <ul className="flex flex-wrap gap-1">
                      {hook.events.map((event) => (
                        <li key={event}>
                          <Badge tone="neutral" className="font-mono text-[11px]">
                            {event}
                          </Badge>
                        </li>
                      ))}
                    </ul>
                  </TableCell>
                  <TableCell>
                    <Badge tone={hook.active ? "success" : "neutral"} dot>
                      {hook.active ? t("active") : t("inactive")}
                    </Badge>
                  </TableCell>
                  <TableCell className="text-[13px] whitespace-nowrap">
                    {t("deliveryCounts", { sent: hook.sent, pending: hook.pending, failed: hook.failed })}
                  </TableCell>
                  <TableCell className="text-[13px] whitespace-nowrap">
                    {format.dateTime(hook.createdAt, { dateStyle: "medium" })}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Card>
      <Card className="mt-4 p-5">
        <PrivateNetworkToggle allowed={allowPrivate} />
        <p className="mt-3 text-xs text-slate-500">{t("signatureHelp")}</p>
      </Card>
    </>
  );
}
