// The staff invitation e-mail: a one-time link to choose a password (bilingual, like lib/mail/templates.ts).
import { ActionButton, EmailLayout, Paragraph, renderHtml } from "@/lib/mail/components";
import type { AppLocale } from "@/lib/i18n/locales";
import type { RenderedEmail } from "@/lib/mail/templates";

const COPY = {
  "zh-CN": {
    subject: "您已受邀使用 Skyline CSM",
    greeting: (name: string) => `${name}，您好：`,
    body: (inviter: string) => `${inviter} 邀请您使用 Skyline CSM 投诉管理系统。请通过以下链接设置密码，之后即可登录。`,
    button: "设置密码",
    expiry: (hours: number) => `该链接 ${hours} 小时内有效，且只能使用一次。`,
    footer: "如果您没有预期收到此邮件，请忽略它。",
  },
  en: {
    subject: "You have been invited to Skyline CSM",
    greeting: (name: string) => `Dear ${name},`,
    body: (inviter: string) =>
      `${inviter} has invited you to Skyline CSM, the complaint management system. Choose your password with the link below, then sign in.`,
    button: "Set your password",
    expiry: (hours: number) => `The link works once and expires in ${hours} hours.`,
    footer: "If you did not expect this e-mail, you can ignore it.",
  },
} as const satisfies Record<AppLocale, unknown>;

const oneLine = (value: string) => value.replace(/[\r\n]+/g, " ").trim();

export async function renderInvite(
  locale: AppLocale,
  input: { name: string; inviterName: string; url: string; expiresInHours: number },
): Promise<RenderedEmail> {
  const copy = COPY[locale];
  const greeting = copy.greeting(oneLine(input.name));
  const body = copy.body(oneLine(input.inviterName));
  const expiry = copy.expiry(input.expiresInHours);
  return {
    subject: copy.subject,
    text: [greeting, "", body, "", input.url, "", expiry, "", "--", copy.footer].join("\n"),
    html: await renderHtml(
      <EmailLayout lang={locale} title={copy.subject} footer={copy.footer}>
        <Paragraph>{greeting}</Paragraph>
        <Paragraph>{body}</Paragraph>
        <ActionButton label={copy.button} url={input.url} />
        <Paragraph>{expiry}</Paragraph>
      </EmailLayout>,
    ),
  };
}
