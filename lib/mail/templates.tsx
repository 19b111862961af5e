// Bilingual e-mail templates: from locale + content to { subject, text, html } (HTML from the components in
// lib/mail/components.tsx, the plain-text part written here). E-mail copy lives here
// (not in messages/*.json, which hold UI chrome), both languages side by side so they are edited together.
import { env } from "@/lib/env";
import type { AppLocale } from "@/lib/i18n/locales";
import { ActionButton, Details, EmailLayout, Lines, Paragraph, Quote, renderHtml } from "@/lib/mail/components";

export type RenderedEmail = { subject: string; text: string; html: string };

const COPY = {
  "zh-CN": {
    greeting: (name: string | null) => (name ? `${name}，您好：` : "您好："),
    referenceLabel: "投诉编号",
    subjectLabel: "主题",
    trackIntro: "您可以随时通过以下链接查看处理进度：",
    trackButton: "查看处理进度",
    acknowledgement: {
      subject: (reference: string) => `【${reference}】我们已收到您的投诉`,
      title: "我们已收到您的投诉",
      body: "感谢您的反馈。您的投诉已经登记，我们会尽快处理，并及时告知您处理结果。",
      footer: "此邮件由系统自动发送，请勿直接回复。",
    },
    reply: {
      subject: (reference: string, subject: string) => `【${reference}】回复：${subject}`,
      title: "您的投诉有新的回复",
      intro: (agent: string | null) => (agent ? `${agent} 回复了您的投诉：` : "客服人员回复了您的投诉："),
      footer: "如需补充信息，请通过上方链接查看投诉并回复。",
    },
    notification: {
      footer: "您收到此邮件，是因为您在 Skyline CSM 中开启了相关通知。",
    },
    result: {
      subject: (reference: string) => `【${reference}】您的投诉已处理完毕`,
      title: "您的投诉已处理完毕",
      intro: "感谢您的耐心等待。您的投诉已处理完毕，处理结果如下：",
      contact: (team: string, hotline: string | null) =>
        hotline ? `如对处理结果有疑问，请联系${team}，服务热线：${hotline}。` : `如对处理结果有疑问，请联系${team}。`,
      footer: "如对处理结果不满意，您可以通过上方链接回复，我们会重新跟进。",
    },
  },
  en: {
    greeting: (name: string | null) => (name ? `Dear ${name},` : "Hello,"),
    referenceLabel: "Reference",
    subjectLabel: "Subject",
    trackIntro: "You can follow the progress of your complaint at any time:",
    trackButton: "Track your complaint",
    acknowledgement: {
      subject: (reference: string) => `[${reference}] We have received your complaint`,
      title: "We have received your complaint",
      body: "Thank you for letting us know. Your complaint has been registered; we will look into it and keep you informed.",
      footer: "This message was sent automatically; please do not reply to it.",
    },
    reply: {
      subject: (reference: string, subject: string) => `[${reference}] Re: ${subject}`,
      title: "There is a new reply to your complaint",
      intro: (agent: string | null) =>
        agent ? `${agent} has replied to your complaint:` : "Our customer service team has replied to your complaint:",
      footer: "To add information, open your complaint with the link above and reply there.",
    },
    notification: {
      footer: "You receive this e-mail because of your notification settings in Skyline CSM.",
    },
    result: {
      subject: (reference: string) => `[${reference}] Your complaint has been resolved`,
      title: "Your complaint has been resolved",
      intro: "Thank you for your patience. We have finished handling your complaint; this is the outcome:",
      contact: (team: string, hotline: string | null) =>
        hotline
          ? `Questions about the outcome? Contact ${team}, hotline ${hotline}.`
          : `Questions about the outcome? Contact ${team}.`,
      footer: "Not satisfied with the outcome? Reply through the link above and we will follow up again.",
    },
  },
} as const satisfies Record<AppLocale, unknown>;

export type AcknowledgementInput = {
  reference: string;
  subject: string;
  trackingToken: string;
  customerName?: string | null;
};
export type ReplyInput = AcknowledgementInput & { body: string; agentName?: string | null };
export type NotificationInput = { title: string; body: string; actionUrl?: string | null; actionLabel?: string | null };

/** Header values must stay on one line (a newline in a subject would start a new header). */
function oneLine(value: string): string {
  return value.replace(/[\r\n]+/g, " ").trim();
}

export function trackingUrl(appUrl: string, token: string): string {
  return `${appUrl.replace(/\/+$/, "")}/track/${encodeURIComponent(token)}`;
}

/** Sent to the customer when a complaint is registered. */
export async function renderAcknowledgement(
  locale: AppLocale,
  input: AcknowledgementInput,
  appUrl: string = env().APP_URL,
): Promise<RenderedEmail> {
  const copy = COPY[locale];
  const url = trackingUrl(appUrl, input.trackingToken);
  const details: Array<[string, string]> = [
    [copy.referenceLabel, input.reference],
    [copy.subjectLabel, oneLine(input.subject)],
  ];
  const greeting = copy.greeting(input.customerName ? oneLine(input.customerName) : null);
  return {
    subject: oneLine(copy.acknowledgement.subject(input.reference)),
    text: [
      greeting,
      "",
      copy.acknowledgement.body,
      "",
      ...details.map(([label, value]) => `${label}: ${value}`),
      "",
      copy.trackIntro,
      url,
      "",
      "--",
      copy.acknowledgement.footer,
    ].join("\n"),
    html: await renderHtml(
      <EmailLayout lang={locale} title={copy.acknowledgement.title} footer={copy.acknowledgement.footer}>
        <Paragraph>{greeting}</Paragraph>
        <Paragraph>{copy.acknowledgement.body}</Paragraph>
        <Details rows={details} />
        <Paragraph>{copy.trackIntro}</Paragraph>
        <ActionButton label={copy.trackButton} url={url} />
      </EmailLayout>,
    ),
  };
}

/** An agent's customer-facing reply; `body` is the agent's text as written (escaped here, line breaks kept). */
export async function renderReply(
  locale: AppLocale,
  input: ReplyInput,
  appUrl: string = env().APP_URL,
): Promise<RenderedEmail> {
  const copy = COPY[locale];
  const url = trackingUrl(appUrl, input.trackingToken);
  const greeting = copy.greeting(input.customerName ? oneLine(input.customerName) : null);
  const intro = copy.reply.intro(input.agentName ? oneLine(input.agentName) : null);
  const body = input.body.replace(/\r\n?/g, "\n").trim();
  return {
    subject: oneLine(copy.reply.subject(input.reference, oneLine(input.subject))),
    text: [
      greeting,
      "",
      intro,
      "",
      body,
      "",
      `${copy.referenceLabel}: ${input.reference}`,
      copy.trackIntro,
      url,
      "",
      "--",
      copy.reply.footer,
    ].join("\n"),
    html: await renderHtml(
      <EmailLayout lang={locale} title={copy.reply.title} footer={copy.reply.footer}>
        <Paragraph>{greeting}</Paragraph>
        <Paragraph>{intro}</Paragraph>
        <Quote text={body} />
        <Details rows={[[copy.referenceLabel, input.reference]]} />
        <Paragraph>{copy.trackIntro}</Paragraph>
        <ActionButton label={copy.trackButton} url={url} />
      </EmailLayout>,
    ),
  };
}

export type ResultNoticeInput = AcknowledgementInput & {
  resolutionSummary: string;
  teamName: string;
  hotline?: string | null;
};

/**
 * Sent to the customer when their complaint is resolved: the resolution summary (customer-facing) and whom to contact.
 */
export async function renderResultNotice(
  locale: AppLocale,
  input: ResultNoticeInput,
  appUrl: string = env().APP_URL,
): Promise<RenderedEmail> {
  const copy = COPY[locale];
  const url = trackingUrl(appUrl, input.trackingToken);
  const greeting = copy.greeting(input.customerName ? oneLine(input.customerName) : null);
  const summary = input.resolutionSummary.replace(/\r\n?/g, "\n").trim();
  const contact = copy.result.contact(oneLine(input.teamName), input.hotline ? oneLine(input.hotline) : null);
  const details: Array<[string, string]> = [
    [copy.referenceLabel, input.reference],
    [copy.subjectLabel, oneLine(input.subject)],
  ];
  return {
    subject: oneLine(copy.result.subject(input.reference)),
    text: [
      greeting,
      "",
      copy.result.intro,
      "",
      summary,
      "",
      ...details.map(([label, value]) => `${label}: ${value}`),
      "",
      contact,
      copy.trackIntro,
      url,
      "",
      "--",
      copy.result.footer,
    ].join("\n"),
    html: await renderHtml(
      <EmailLayout lang={locale} title={copy.result.title} footer={copy.result.footer}>
        <Paragraph>{greeting}</Paragraph>
        <Paragraph>{copy.result.intro}</Paragraph>
        <Quote text={summary} />
        <Details rows={details} />
        <Paragraph>{contact}</Paragraph>
        <Paragraph>{copy.trackIntro}</Paragraph>
        <ActionButton label={copy.trackButton} url={url} />
      </EmailLayout>,
    ),
  };
}

/** A generic notification to staff (e.g. an escalation); title and body are already in the recipient's language. */
export async function renderNotification(locale: AppLocale, input: NotificationInput): Promise<RenderedEmail> {
  const copy = COPY[locale];
  const title = oneLine(input.title);
  const body = input.body.replace(/\r\n?/g, "\n").trim();
  const action = input.actionUrl ? { url: input.actionUrl, label: input.actionLabel ?? input.actionUrl } : null;
  return {
    subject: title,
    text: [body, ...(action ? ["", `${action.label}: ${action.url}`] : []), "", "--", copy.notification.footer].join(
      "\n",
    ),
    html: await renderHtml(
      <EmailLayout lang={locale} title={title} footer={copy.notification.footer}>
        <Paragraph>
          <Lines text={body} />
        </Paragraph>
        {action ? <ActionButton label={action.label} url={action.url} /> : null}
      </EmailLayout>,
    ),
  };
}
