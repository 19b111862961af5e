import { Inbox, MessageSquareOff } from "lucide-react";
import { getFormatter, getTranslations } from "next-intl/server";
import { DELIVERY_TONES, SmsEncodingLabel } from "@/components/admin/sms/sms-badges";
import { Badge } from "@/components/ui/badge";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { listCaughtSms } from "@/lib/sms/queries";

/** What the development SMSC received (text reassembled from its parts), or why there is nothing to show. */
export async function CaughtSmsCard({
  caught,
  provider,
}: {
  caught: Awaited<ReturnType<typeof listCaughtSms>>;
  provider: string | null;
}) {
  const [t, format] = await Promise.all([getTranslations("adminSms.caught"), getFormatter()]);
  if (!caught.catcherAvailable) {
    return (
      <Card data-testid="sms-catcher-missing">
        <EmptyState
          icon={MessageSquareOff}
          title={t("notRunning")}
          description={provider ? t("notRunningWithProvider", { provider }) : t("notRunningNoProvider")}
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
      </CardHeader>
      {caught.messages.length === 0 ? (
        <EmptyState icon={Inbox} title={t("empty")} />
      ) : (
        <Table data-testid="caught-sms-table">
          <TableCaption>{t("title")}</TableCaption>
          <TableHeader>
            <TableRow className="hover:bg-transparent">
              <TableHead>{t("columns.to")}</TableHead>
              <TableHead>{t("columns.text")}</TableHead>
              <TableHead>{t("columns.encoding")}</TableHead>
              <TableHead>{t("columns.status")}</TableHead>
              <TableHead>{t("columns.received")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {caught.messages.map((message) => (
              <TableRow key={message.id} data-testid="caught-sms-row">
                <TableCell className="text-[13px] whitespace-nowrap tabular-nums">{message.destination}</TableCell>
                <TableCell className="max-w-md text-[13px] break-all text-slate-900">{message.text}</TableCell>
                <TableCell>
                  <SmsEncodingLabel encoding={message.encoding} segments={message.segments} />
                </TableCell>
                <TableCell>
                  <Badge tone={DELIVERY_TONES[message.status] ?? "neutral"} dot>
                    {message.status === "delivered" ? t("status.delivered") : t("status.accepted")}
                  </Badge>
                </TableCell>
                <TableCell className="text-[13px] whitespace-nowrap tabular-nums">
                  <time dateTime={message.receivedAt.toISOString()}>
                    {format.dateTime(message.receivedAt, { dateStyle: "medium", timeStyle: "short" })}
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
