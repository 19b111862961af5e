// Reference data every industry shares: direct intake channels, survey wording, approval limits and the default
// settings block; each template adds its own regulators, grades and targets on top.
import type {
  ChannelTemplate,
  IndustryCode,
  IndustryTemplate,
  SettingValue,
  SurveyReasonTemplate,
  SurveyTextTemplate,
} from "./types";

export const DIRECT_CHANNELS: ChannelTemplate[] = [
  { code: "phone", kind: "phone", nameZh: "电话", nameEn: "Phone" },
  { code: "counter", kind: "counter", nameZh: "柜台", nameEn: "Counter / walk-in" },
  { code: "letter", kind: "letter", nameZh: "信函", nameEn: "Letter" },
  { code: "email", kind: "email", nameZh: "电子邮件", nameEn: "E-mail" },
  { code: "web", kind: "web", nameZh: "网站表单", nameEn: "Web form" },
  { code: "app", kind: "app", nameZh: "手机App", nameEn: "Mobile app" },
  { code: "social", kind: "social", nameZh: "社交媒体", nameEn: "Social media" },
  { code: "chat", kind: "chat", nameZh: "在线客服", nameEn: "Live chat" },
];

// Approval limits in CNY (SPEC §2: limits per role are configuration); admins approve like managers.
export const APPROVAL_LIMITS: IndustryTemplate["approvalLimits"] = [
  { role: "agent", amount: 500, currency: "CNY" },
  { role: "supervisor", amount: 5000, currency: "CNY" },
  { role: "manager", amount: 1_000_000, currency: "CNY" },
  { role: "admin", amount: 1_000_000, currency: "CNY" },
];

export const SURVEY_TEXTS: SurveyTextTemplate[] = [
  {
    locale: "zh_CN",
    key: "intro",
    text: "感谢您反馈的问题（编号 {{complaint.reference}}）。请花一分钟告诉我们本次处理的体验。",
  },
  {
    locale: "en",
    key: "intro",
    text: "Thank you for raising case {{complaint.reference}}. Please take a minute to tell us how we handled it.",
  },
  { locale: "zh_CN", key: "csat.question", text: "您对本次投诉处理的整体满意度如何？" },
  { locale: "en", key: "csat.question", text: "Overall, how satisfied are you with how we handled your complaint?" },
  { locale: "zh_CN", key: "nps.question", text: "您有多大可能向亲友推荐我们？（0 = 完全不可能，10 = 非常可能）" },
  {
    locale: "en",
    key: "nps.question",
    text: "How likely are you to recommend us to a friend or colleague? (0 = not at all, 10 = extremely likely)",
  },
  { locale: "zh_CN", key: "ces.question", text: "解决您的问题有多容易？（1 = 非常困难，7 = 非常容易）" },
  {
    locale: "en",
    key: "ces.question",
    text: "How easy was it to get your issue resolved? (1 = very difficult, 7 = very easy)",
  },
  { locale: "zh_CN", key: "resolved.question", text: "您的问题是否已经得到解决？" },
  { locale: "en", key: "resolved.question", text: "Has your problem been solved?" },
  { locale: "zh_CN", key: "comment.label", text: "还有什么想告诉我们的吗？（选填）" },
  { locale: "en", key: "comment.label", text: "Anything else you would like to tell us? (optional)" },
  { locale: "zh_CN", key: "thanks", text: "感谢您的评价！您的意见将帮助我们持续改进服务。" },
  { locale: "en", key: "thanks", text: "Thank you for your feedback! It helps us keep improving our service." },
  { locale: "zh_CN", key: "expired", text: "该调查链接已过期。如仍有问题，请联系客服热线。" },
  {
    locale: "en",
    key: "expired",
    text: "This survey link has expired. If you still need help, please contact our service centre.",
  },
];

// Reasons offered after a low score, valid for every category.
export const GENERAL_SURVEY_REASONS: SurveyReasonTemplate[] = [
  { code: "slow-response", nameZh: "响应太慢", nameEn: "Response was too slow" },
  { code: "not-resolved", nameZh: "问题没有解决", nameEn: "Problem not solved" },
  { code: "staff-attitude", nameZh: "服务态度不好", nameEn: "Unfriendly staff" },
  { code: "compensation-low", nameZh: "补偿不合理", nameEn: "Compensation not fair" },
  { code: "repeat-contact", nameZh: "需要反复联系", nameEn: "Had to contact you repeatedly" },
  { code: "unclear-answer", nameZh: "答复不清楚", nameEn: "Answer was unclear" },
];

interface SettingsInput {
  industry: IndustryCode;
  csatTarget: number;
  /** KPI targets for the first-response and resolution medians, from the industry's handbook (SPEC §4) */
  frtHours: number;
  resolutionHours: number;
  valueScoreWeights: Record<string, number>;
}

/** The settings block of SPEC §4/§5/§8/§9 with the industry's targets and value-score weights. */
export function defaultSettings({
  industry,
  csatTarget,
  frtHours,
  resolutionHours,
  valueScoreWeights,
}: SettingsInput): Record<string, SettingValue> {
  return {
    "industry.template": industry,
    "sla.escalateOnCreate": {
      critical: true,
      vip: true,
      regulator: true,
      repeatComplaint: { count: 3, days: 90 },
    },
    survey: { delayMinutes: 0, expiryDays: 14, reminderDays: 3, perCustomerDays: 7 },
    retention: { months: 36 },
    "valueScore.weights": valueScoreWeights,
    // Dashboard targets (lib/kpi/settings.ts; percent and hours, editable by managers at /admin/kpi): SPEC §5/§6.
    "kpi.targets": {
      frtHours,
      resolutionHours,
      slaResponse: 90,
      slaResolution: 90,
      fcr: 70,
      reopenRate: 5,
      escalationRate: 10,
      csat: csatTarget,
      nps: 20,
      recommendation: 20,
      ces: 5,
      responseRate: 30,
    },
    "kpi.definitions": { reopenWindowDays: 30 },
  };
}
