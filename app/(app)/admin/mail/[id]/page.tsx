import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArrowLeft } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { CaughtMessageView } from "@/components/admin/mail/caught-message-view";
import { PageHeader } from "@/components/shell/page-header";
import { buttonClasses } from "@/components/ui/button";
import { requirePermission } from "@/lib/auth/session";
import { getCaughtMessage } from "@/lib/mail/dev-mailbox";
import { parseId } from "@/lib/validation";

type PageProps = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adminMail");
  return { title: t("title") };
}

export default async function CaughtMessagePage({ params }: PageProps) {
  await requirePermission("admin.mail");
  const { id } = await params;
  const messageId = parseId(id);
  const [t, message] = await Promise.all([getTranslations("adminMail"), getCaughtMessage(messageId ?? 0)]);
  if (!message) notFound();

  return (
    <>
      <PageHeader
        title={message.subject || t("caught.noSubject")}
        description={message.to}
        actions={
          <Link href="/admin/mail" className={buttonClasses("secondary", "sm")}>
            <ArrowLeft aria-hidden />
            {t("detail.back")}
          </Link>
        }
      />
      <CaughtMessageView message={message} />
    </>
  );
}
