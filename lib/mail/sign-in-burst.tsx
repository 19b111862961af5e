// The e-mail to a user whose account sees a burst of failed sign-ins (lib/auth/sign-in.ts, once per burst window).
import { Details, EmailLayout, Paragraph, renderHtml } from "@/lib/mail/components";
import type { AppLocale } from "@/lib/i18n/locales";
import type { RenderedEmail } from "@/lib/mail/templates";

const COPY = {
  "zh-CN": {
    subject: "您的 Skyline CSM 账号出现多次登录失败",
    greeting: (name: string) => `${name}，您好：`,
    body: (count: number, minutes: number) =>
      `过去 ${minutes} 分钟内，有人使用您的邮箱登录 Skyline CSM 失败了 ${count} 次。您的账号没有被锁定，您仍可正常登录；来自同一地址的反复尝试会被逐步放慢。`,
    labels: { count: "失败次数", lastAddress: "最近一次尝试的地址" },
    unknownAddress: "未知",
    advice:
      "如果这些尝试不是您本人所为，请联系系统管理员；如担心密码已泄露，请让管理员重新发送设置密码链接。如果是您本人忘记了密码，可以忽略此邮件。",
    footer: "这是一封安全通知邮件，每次异常集中出现时只发送一次。",
  },
  en: {
    subject: "Failed sign-ins on your Skyline CSM account",
    greeting: (name: string) => `Dear ${name},`,
    body: (count: number, minutes: number) =>
      `Someone failed to sign in to Skyline CSM with your e-mail address ${count} times in the last ${minutes} minutes. Your account is not locked and you can still sign in; repeated attempts from one address are slowed down step by step.`,
    labels: { count: "Failed attempts", lastAddress: "Address of the latest attempt" },
    unknownAddress: "not known",
    advice:
      "If these attempts were not yours, tell your administrator; if you fear your password is known, ask them to send you a new set-password link. If you simply forgot your password, you can ignore this e-mail.",
    footer: "This is a security notice, sent once per burst of failures.",
  },
} as const satisfies Record<AppLocale, unknown>;

const oneLine = (value: string) => value.replace(/[\r\n]+/g, " ").trim();

/** `lastAddress` null: the request carried no client address. */
export async function renderSignInBurst(
  locale: AppLocale,
  input: { name: string; failures: number; windowMinutes: number; lastAddress: string | null },
): Promise<RenderedEmail> {
  const copy = COPY[locale];
  const greeting = copy.greeting(oneLine(input.name));
  const body = copy.body(input.failures, input.windowMinutes);
  const rows: [string, string][] = [
    [copy.labels.count, String(input.failures)],
    [copy.labels.lastAddress, input.lastAddress ? oneLine(input.lastAddress) : copy.unknownAddress],
  ];
  return {
    subject: copy.subject,
    text: [
      greeting,
      "",
      body,
      "",
      ...rows.map(([label, value]) => `${label}: ${value}`),
      "",
      copy.advice,
      "",
      "--",
      copy.footer,
    ].join("\n"),
    html: await renderHtml(
      <EmailLayout lang={locale} title={copy.subject} footer={copy.footer}>
        <Paragraph>{greeting}</Paragraph>
        <Paragraph>{body}</Paragraph>
        <Details rows={rows} />
        <Paragraph>{copy.advice}</Paragraph>
      </EmailLayout>,
    ),
  };
}
