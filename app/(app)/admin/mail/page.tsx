import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CaughtMessagesCard } from "@/components/admin/mail/caught-messages-card";
import { OutboxCard } from "@/components/admin/mail/outbox-card";
import { PageHeader } from "@/components/shell/page-header";
import { requirePermission } from "@/lib/auth/session";
import { listCaughtMessages } from "@/lib/mail/dev-mailbox";
import { getOutboxOverview } from "@/lib/mail/queries";
import { smtpServerLabel } from "@/lib/mail/transport";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adminMail");
  return { title: t("title") };
}

type PageProps = { searchParams: Promise<{ page?: string | string[] }> };

export default async function AdminMailPage({ searchParams }: PageProps) {
  await requirePermission("admin.mail");
  const { page } = await searchParams;
  const requestedPage = Number.parseInt(typeof page === "string" ? page : "1", 10);
  const [t, mailbox, outbox] = await Promise.all([
    getTranslations("adminMail"),
    listCaughtMessages(requestedPage),
    getOutboxOverview(),
  ]);
  const smtpServer = smtpServerLabel();

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="flex flex-col gap-6">
        <CaughtMessagesCard mailbox={mailbox} smtpServer={smtpServer} />
        <OutboxCard overview={outbox} smtpServer={smtpServer} />
      </div>
    </>
  );
}
