import Link from "next/link";
import { Inbox, MailX } from "lucide-react";
import { getFormatter, getTranslations } from "next-intl/server";
import { MailKindBadge } from "@/components/admin/mail/mail-kind-badge";
import { MailboxPagination } from "@/components/admin/mail/mailbox-pagination";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { DevMailboxPage } from "@/lib/mail/dev-mailbox";

/** The dev catcher's messages, or why there are none (catcher not running / nothing sent yet). */
export async function CaughtMessagesCard({
  mailbox,
  smtpServer,
}: {
  mailbox: DevMailboxPage;
  smtpServer: string | null;
}) {
  const [t, format] = await Promise.all([getTranslations("adminMail.caught"), getFormatter()]);

  if (!mailbox.catcherAvailable) {
    return (
      <Card data-testid="mail-catcher-missing">
        <EmptyState
          icon={MailX}
          title={t("notRunning")}
          description={smtpServer ? t("notRunningWithServer", { server: smtpServer }) : t("notRunningNoServer")}
        />
      </Card>
    );
  }

  return (
    <Card>
      <CardHeader>
        <div>
          <CardTitle>{t("title")}</CardTitle>
          <CardDescription>{t("description")}</CardDescription>
        </div>
        <span className="text-[13px] whitespace-nowrap text-slate-500">{t("count", { count: mailbox.total })}</span>
      </CardHeader>
      {mailbox.messages.length === 0 ? (
        <EmptyState icon={Inbox} title={t("empty")} description={t("emptyHint")} />
      ) : (
        <>
          <Table data-testid="caught-mail-table">
            <TableCaption>{t("title")}</TableCaption>
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                <TableHead>{t("columns.subject")}</TableHead>
                <TableHead>{t("columns.to")}</TableHead>
                <TableHead>{t("columns.kind")}</TableHead>
                <TableHead>{t("columns.received")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {mailbox.messages.map((message) => (
                <TableRow key={message.id}>
                  <TableCell className="max-w-md font-medium text-slate-900">
                    <Link
                      href={`/admin/mail/${message.id}`}
                      className="focus-ring line-clamp-1 rounded-sm hover:text-brand-700 hover:underline"
                    >
                      {message.subject || t("noSubject")}
                    </Link>
                  </TableCell>
                  <TableCell className="text-[13px]">{message.to}</TableCell>
                  <TableCell>
                    <MailKindBadge kind={message.kind} />
                  </TableCell>
                  <TableCell className="text-[13px] whitespace-nowrap tabular-nums">
                    <time dateTime={message.receivedAt.toISOString()}>
                      {format.dateTime(message.receivedAt, { dateStyle: "medium", timeStyle: "medium" })}
                    </time>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <MailboxPagination page={mailbox.page} pageCount={mailbox.pageCount} />
        </>
      )}
    </Card>
  );
}
