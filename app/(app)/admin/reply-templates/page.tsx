import type { Metadata } from "next";
import { MessageSquareText } from "lucide-react";
import { getLocale, getTranslations } from "next-intl/server";
import { ReplyTemplateDialog } from "@/components/admin/reply-templates/reply-template-dialog";
import { ReplyTemplateRow } from "@/components/admin/reply-templates/reply-template-row";
import { PageHeader } from "@/components/shell/page-header";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCaption, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requirePermission } from "@/lib/auth/session";
import { listReplyTemplatesForAdmin } from "@/lib/reference/reply-templates";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adminReplyTemplates");
  return { title: t("title") };
}

export default async function AdminReplyTemplatesPage() {
  await requirePermission("admin.config");
  const [t, locale, { templates, categories }] = await Promise.all([
    getTranslations("adminReplyTemplates"),
    getLocale(),
    listReplyTemplatesForAdmin(),
  ]);
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        meta={t("count", { count: templates.length })}
        actions={<ReplyTemplateDialog categories={categories} locale={locale} />}
      />
      <Card>
        {templates.length === 0 ? (
          <EmptyState icon={MessageSquareText} title={t("empty")} description={t("emptyHint")} />
        ) : (
          <Table data-testid="reply-templates-table">
            <TableCaption>{t("title")}</TableCaption>
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                <TableHead>{t("columns.name")}</TableHead>
                <TableHead>{t("columns.code")}</TableHead>
                <TableHead>{t("columns.category")}</TableHead>
                <TableHead>{t("columns.status")}</TableHead>
                <TableHead>{t("columns.updated")}</TableHead>
                <TableHead className="text-right">
                  <span className="sr-only">{t("columns.actions")}</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {templates.map((template) => (
                <ReplyTemplateRow key={template.id} template={template} categories={categories} locale={locale} />
              ))}
            </TableBody>
          </Table>
        )}
      </Card>
    </>
  );
}
