import type { ReactNode } from "react";
import { getFormatter, getTranslations } from "next-intl/server";
import { MailKindBadge } from "@/components/admin/mail/mail-kind-badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { CaughtMessage } from "@/lib/mail/dev-mailbox";
import { sandboxedPreviewHtml } from "@/lib/mail/preview";

/** One caught e-mail: envelope details, the HTML body in a locked-down iframe, and the plain-text body. */
export async function CaughtMessageView({ message }: { message: CaughtMessage }) {
  const [t, format] = await Promise.all([getTranslations("adminMail.detail"), getFormatter()]);
  const details: Array<[string, ReactNode]> = [
    [t("from"), message.from],
    [t("to"), message.to],
    [
      t("received"),
      <time key="received" dateTime={message.receivedAt.toISOString()}>
        {format.dateTime(message.receivedAt, { dateStyle: "medium", timeStyle: "medium" })}
      </time>,
    ],
    [
      t("messageId"),
      <span key="id" className="font-mono text-xs break-all">
        {message.messageId}
      </span>,
    ],
  ];

  return (
    <div className="flex flex-col gap-6">
      <Card>
        <CardContent>
          <div className="mb-3">
            <MailKindBadge kind={message.kind} />
          </div>
          <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
            {details.map(([label, value]) => (
              <div key={label} className="contents">
                <dt className="text-[13px] text-slate-500">{label}</dt>
                <dd className="text-slate-900">{value}</dd>
              </div>
            ))}
          </dl>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <div>
            <CardTitle>{t("html")}</CardTitle>
            <CardDescription>{t("htmlHint")}</CardDescription>
          </div>
        </CardHeader>
        {message.html ? (
          <iframe
            sandbox=""
            srcDoc={sandboxedPreviewHtml(message.html)}
            title={t("htmlFrameTitle")}
            referrerPolicy="no-referrer"
            data-testid="mail-html-frame"
            className="block h-[640px] w-full rounded-b-xl bg-white"
          />
        ) : (
          <CardContent className="text-sm text-slate-500">{t("noHtml")}</CardContent>
        )}
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>{t("text")}</CardTitle>
        </CardHeader>
        <CardContent>
          {message.text ? (
            <pre data-testid="mail-text" className="font-sans text-sm leading-6 whitespace-pre-wrap text-slate-800">
              {message.text}
            </pre>
          ) : (
            <p className="text-sm text-slate-500">{t("noText")}</p>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
