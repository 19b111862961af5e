// The survey e-mail (and its reminder) in the customer's language: five one-click CSAT links and a link to the full
// survey. A click only opens the page with the score pre-selected; the customer confirms there (scanners follow links).
import { ActionButton, Details, EmailLayout, LinkRow, Paragraph, renderHtml } from "@/lib/mail/components";
import type { AppLocale } from "@/lib/i18n/locales";
import type { RenderedEmail } from "@/lib/mail/templates";
import { surveyUrl } from "@/lib/surveys/token";

export type SurveyEmailInput = {
  reference: string;
  token: string;
  customerName?: string | null;
  reminder?: boolean;
  /** The manager's wording of the CSAT question (SurveyText "csat.question"), replacing the built-in title. */
  question?: string | null;
};

const COPY = {
  "zh-CN": {
    greeting: (name: string | null) => (name ? `${name}，您好：` : "您好："),
    subject: (reference: string, reminder: boolean) =>
      reminder ? `【${reference}】提醒：请为本次服务评分` : `【${reference}】请为本次服务评分`,
    title: "您对本次处理满意吗？",
    body: "您的投诉已处理完毕。请点击下方的分数告诉我们您的满意程度（1 = 非常不满意，5 = 非常满意），只需一步。",
    reminderBody: "几天前我们邀请您为投诉处理评分，您的意见对我们很重要。点击下方的分数即可完成评价。",
    scoreLabel: (score: number) => `${score} 分`,
    fullIntro: "您也可以填写完整问卷，告诉我们更多：",
    fullButton: "填写完整问卷",
    referenceLabel: "投诉编号",
    footer: "此邮件由系统自动发送，请勿直接回复。问卷链接仅供您本人使用。",
  },
  en: {
    greeting: (name: string | null) => (name ? `Dear ${name},` : "Hello,"),
    subject: (reference: string, reminder: boolean) =>
      reminder ? `[${reference}] Reminder: how did we do?` : `[${reference}] How did we do?`,
    title: "How satisfied are you with how we handled your complaint?",
    body: "Your complaint has been resolved. Please tap a score below to tell us how satisfied you are (1 = very dissatisfied, 5 = very satisfied). It takes one tap.",
    reminderBody:
      "A few days ago we asked you to rate how we handled your complaint. Your opinion matters to us; tap a score below to answer.",
    scoreLabel: (score: number) => `${score}`,
    fullIntro: "You can also answer the full survey and tell us more:",
    fullButton: "Open the full survey",
    referenceLabel: "Reference",
    footer: "This message was sent automatically; please do not reply to it. The survey link is personal to you.",
  },
} as const satisfies Record<AppLocale, unknown>;

const CSAT_SCORES = [1, 2, 3, 4, 5] as const;

function oneClickUrl(token: string, score: number, appUrl?: string): string {
  return `${surveyUrl(token, appUrl)}?score=${score}`;
}

function oneLine(value: string): string {
  return value.replace(/[\r\n]+/g, " ").trim();
}

export async function renderSurveyEmail(
  locale: AppLocale,
  input: SurveyEmailInput,
  appUrl?: string,
): Promise<RenderedEmail> {
  const copy = COPY[locale];
  const reminder = input.reminder ?? false;
  const greeting = copy.greeting(input.customerName ? oneLine(input.customerName) : null);
  const body = reminder ? copy.reminderBody : copy.body;
  const fullUrl = surveyUrl(input.token, appUrl);
  const title = input.question ? oneLine(input.question) : copy.title;
  return {
    subject: oneLine(copy.subject(input.reference, reminder)),
    text: [
      greeting,
      "",
      title,
      "",
      body,
      "",
      ...CSAT_SCORES.map((score) => `${copy.scoreLabel(score)}: ${oneClickUrl(input.token, score, appUrl)}`),
      "",
      copy.fullIntro,
      fullUrl,
      "",
      `${copy.referenceLabel}: ${input.reference}`,
      "",
      "--",
      copy.footer,
    ].join("\n"),
    html: await renderHtml(
      <EmailLayout lang={locale} title={title} footer={copy.footer}>
        <Paragraph>{greeting}</Paragraph>
        <Paragraph>{body}</Paragraph>
        {/* Five score links side by side. */}
        <LinkRow
          links={CSAT_SCORES.map((score) => ({
            label: copy.scoreLabel(score),
            url: oneClickUrl(input.token, score, appUrl),
          }))}
        />
        <Paragraph>{copy.fullIntro}</Paragraph>
        <ActionButton label={copy.fullButton} url={fullUrl} />
        <Details rows={[[copy.referenceLabel, input.reference]]} />
      </EmailLayout>,
    ),
  };
}
