import type { Metadata } from "next";
import { Radio } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { ChannelRow } from "@/components/admin/channels/channel-row";
import { PageHeader } from "@/components/shell/page-header";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCaption, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requirePermission } from "@/lib/auth/session";
import { listChannelsForAdmin } from "@/lib/reference/channels";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adminChannels");
  return { title: t("title") };
}

export default async function AdminChannelsPage() {
  await requirePermission("admin.config");
  const [t, channels] = await Promise.all([getTranslations("adminChannels"), listChannelsForAdmin()]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} meta={t("count", { count: channels.length })} />
      <Card>
        {channels.length === 0 ? (
          <EmptyState icon={Radio} title={t("empty")} />
        ) : (
          <Table data-testid="channels-table">
            <TableCaption>{t("title")}</TableCaption>
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                <TableHead>{t("columns.code")}</TableHead>
                <TableHead>{t("columns.nameZh")}</TableHead>
                <TableHead>{t("columns.nameEn")}</TableHead>
                <TableHead>{t("columns.sortOrder")}</TableHead>
                <TableHead className="text-center">{t("columns.regulator")}</TableHead>
                <TableHead className="text-center">{t("columns.active")}</TableHead>
                <TableHead className="text-right">{t("columns.complaints")}</TableHead>
                <TableHead className="text-right">
                  <span className="sr-only">{t("save")}</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {channels.map(({ _count, ...channel }) => (
                <ChannelRow key={channel.id} channel={channel} />
              ))}
            </TableBody>
          </Table>
        )}
      </Card>
      <p className="mt-3 text-xs text-slate-500">{t("help")}</p>
    </>
  );
}
