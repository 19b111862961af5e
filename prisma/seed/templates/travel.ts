// Travel / tourism template (handbook 002): OTA and government-hotline sources, four complaint grades plus an urgent
// flag (priority "urgent"), and the 24 h / 48 h / 72 h / working-day targets of SPEC §4.
import { TRAVEL_DEPARTMENTS } from "./departments";
import { TRAVEL_PLANS } from "./incident-plans";
import { CALENDAR_24X7, CALENDAR_OFFICE, OFFICE_DAY_MINUTES } from "./calendars";
import { APPROVAL_LIMITS, DIRECT_CHANNELS, GENERAL_SURVEY_REASONS, SURVEY_TEXTS, defaultSettings } from "./shared";
import { TRAVEL_CATEGORIES } from "./travel-categories";
import type { IndustryTemplate } from "./types";

const HOUR = 60;

export const travelTemplate: IndustryTemplate = {
  code: "travel",
  nameZh: "旅游",
  nameEn: "Travel & tourism",
  channels: [
    ...DIRECT_CHANNELS,
    { code: "ota-ctrip", kind: "ota", nameZh: "携程", nameEn: "Ctrip (Trip.com)" },
    { code: "ota-fliggy", kind: "ota", nameZh: "飞猪", nameEn: "Fliggy" },
    { code: "ota-mafengwo", kind: "ota", nameZh: "马蜂窝", nameEn: "Mafengwo" },
    {
      code: "hotline-12301",
      kind: "regulator",
      nameZh: "12301旅游服务热线",
      nameEn: "12301 tourism hotline",
      isRegulator: true,
    },
    {
      code: "hotline-12315",
      kind: "regulator",
      nameZh: "12315消费者投诉热线",
      nameEn: "12315 consumer hotline",
      isRegulator: true,
    },
    {
      code: "hotline-12345",
      kind: "regulator",
      nameZh: "12345政务服务热线",
      nameEn: "12345 government hotline",
      isRegulator: true,
    },
  ],
  categories: TRAVEL_CATEGORIES,
  severities: [
    {
      code: "special",
      nameZh: "特殊",
      nameEn: "Special (legal / policy)",
      rank: 1,
      color: "purple",
      escalateOnCreate: true,
    },
    { code: "major", nameZh: "重大", nameEn: "Major", rank: 2, color: "red" },
    { code: "serious", nameZh: "较重", nameEn: "Serious", rank: 3, color: "amber" },
    { code: "general", nameZh: "一般", nameEn: "General", rank: 4, color: "green" },
  ],
  tiers: [
    { code: "vip", nameZh: "VIP客户", nameEn: "VIP", rank: 1, escalateOnCreate: true },
    { code: "regular", nameZh: "老客户", nameEn: "Regular", rank: 2 },
    { code: "new", nameZh: "新客户", nameEn: "New", rank: 3 },
  ],
  touchpoints: [
    { code: "booking", nameZh: "咨询预订", nameEn: "Enquiry & booking" },
    { code: "pre-departure", nameZh: "出行前", nameEn: "Before departure" },
    { code: "on-trip", nameZh: "行程中", nameEn: "During the trip" },
    { code: "after-sales", nameZh: "售后", nameEn: "After-sales" },
  ],
  calendars: [CALENDAR_24X7, CALENDAR_OFFICE],
  departments: TRAVEL_DEPARTMENTS,
  incidentPlans: TRAVEL_PLANS,
  slaPolicies: [
    {
      code: "travel-urgent",
      nameZh: "紧急投诉（15分钟启动响应）",
      nameEn: "Urgent (response starts within 15 min)",
      rank: 10,
      calendarCode: CALENDAR_24X7.code,
      warnPercent: 75,
      matchPriority: "urgent",
      targets: { acknowledge: 15, first_response: HOUR, next_update: 4 * HOUR, resolution: 48 * HOUR },
    },
    {
      code: "travel-special",
      nameZh: "特殊投诉（15个工作日调查）",
      nameEn: "Special complaints (investigation within 15 working days)",
      rank: 20,
      calendarCode: CALENDAR_OFFICE.code,
      warnPercent: 75,
      matchSeverityCode: "special",
      targets: {
        acknowledge: OFFICE_DAY_MINUTES,
        first_response: 3 * OFFICE_DAY_MINUTES,
        next_update: 3 * OFFICE_DAY_MINUTES,
        investigation: 15 * OFFICE_DAY_MINUTES,
        resolution: 18 * OFFICE_DAY_MINUTES,
      },
    },
    {
      code: "travel-major",
      nameZh: "重大投诉（48小时处理）",
      nameEn: "Major complaints (handled within 48 h)",
      rank: 30,
      calendarCode: CALENDAR_24X7.code,
      warnPercent: 75,
      matchSeverityCode: "major",
      targets: { acknowledge: HOUR, first_response: 4 * HOUR, next_update: 24 * HOUR, resolution: 48 * HOUR },
    },
    {
      code: "travel-inquiry",
      nameZh: "咨询（10分钟内答复）",
      nameEn: "Inquiries (answered within 10 min)",
      rank: 50,
      calendarCode: CALENDAR_24X7.code,
      warnPercent: 75,
      matchType: "inquiry",
      targets: { first_response: 10, resolution: 24 * HOUR },
    },
    {
      code: "travel-default",
      nameZh: "标准（24小时受理，48小时初查，72小时完成）",
      nameEn: "Standard (accept 24 h, preliminary 48 h, complete 72 h)",
      rank: 1000,
      isDefault: true,
      calendarCode: CALENDAR_24X7.code,
      warnPercent: 75,
      targets: {
        acknowledge: 24 * HOUR,
        first_response: 48 * HOUR,
        next_update: 72 * HOUR,
        investigation: 72 * HOUR,
        resolution: 72 * HOUR,
      },
    },
  ],
  approvalLimits: APPROVAL_LIMITS,
  replyTemplates: [
    {
      code: "travel-ack",
      nameZh: "受理确认",
      nameEn: "Acknowledgement",
      subjectZh: "您的投诉已受理（{{complaint.reference}}）",
      subjectEn: "We have received your complaint ({{complaint.reference}})",
      bodyZh:
        "尊敬的{{customer.name}}：\n\n您的投诉已受理，编号 {{complaint.reference}}。我们将在72小时内完成调查并答复您。\n\n{{agent.name}}",
      bodyEn:
        "Dear {{customer.name}},\n\nYour complaint {{complaint.reference}} has been registered. We will complete our investigation and reply within 72 hours.\n\n{{agent.name}}",
    },
    {
      code: "travel-investigation",
      nameZh: "调查结果",
      nameEn: "Investigation result",
      subjectZh: "投诉调查结果（{{complaint.reference}}）",
      subjectEn: "Investigation result ({{complaint.reference}})",
      bodyZh:
        "尊敬的{{customer.name}}：\n\n经调查核实：{{complaint.resolutionSummary}}\n\n如对处理结果有异议，请于3个工作日内回复。\n\n{{agent.name}}",
      bodyEn:
        "Dear {{customer.name}},\n\nOur investigation found: {{complaint.resolutionSummary}}\n\nIf you disagree with the outcome, please reply within 3 working days.\n\n{{agent.name}}",
    },
    {
      code: "travel-refund",
      categoryCode: "TRV-CONTRACT",
      nameZh: "退费处理",
      nameEn: "Refund",
      subjectZh: "退费处理通知",
      subjectEn: "Your refund",
      bodyZh:
        "尊敬的{{customer.name}}：\n\n您的退费{{compensation.amount}}元已提交财务，预计7个工作日内原路退回。\n\n{{agent.name}}",
      bodyEn:
        "Dear {{customer.name}},\n\nYour refund of CNY {{compensation.amount}} has been submitted and will reach your original payment method within 7 working days.\n\n{{agent.name}}",
    },
    {
      code: "travel-request-info",
      nameZh: "请补充材料",
      nameEn: "Request for information",
      subjectZh: "请补充投诉材料（{{complaint.reference}}）",
      subjectEn: "Please send supporting documents ({{complaint.reference}})",
      bodyZh:
        "尊敬的{{customer.name}}：\n\n请提供合同编号、行程单及相关照片或票据，以便我们尽快核实。\n\n{{agent.name}}",
      bodyEn:
        "Dear {{customer.name}},\n\nPlease send your contract number, itinerary and any photos or receipts so that we can verify the facts quickly.\n\n{{agent.name}}",
    },
    {
      code: "travel-praise-thanks",
      nameZh: "表扬致谢",
      nameEn: "Thanks for praise",
      subjectZh: "感谢您的表扬",
      subjectEn: "Thank you for your kind words",
      bodyZh: "尊敬的{{customer.name}}：\n\n感谢您对我们导游和服务团队的肯定，我们已转达您的表扬。\n\n{{agent.name}}",
      bodyEn:
        "Dear {{customer.name}},\n\nThank you for recognising our guides and service team; we have passed your praise on.\n\n{{agent.name}}",
    },
    {
      code: "travel-apology",
      nameZh: "致歉",
      nameEn: "Apology",
      subjectZh: "致歉函（{{complaint.reference}}）",
      subjectEn: "Our apologies ({{complaint.reference}})",
      bodyZh:
        "尊敬的{{customer.name}}：\n\n对于此次行程中给您带来的不愉快，我们深表歉意，并已对相关供应商进行约谈整改。\n\n{{agent.name}}",
      bodyEn:
        "Dear {{customer.name}},\n\nWe sincerely apologise for the disappointing experience on your trip; we have required the supplier concerned to take corrective action.\n\n{{agent.name}}",
    },
  ],
  surveyTexts: SURVEY_TEXTS,
  surveyReasons: [
    ...GENERAL_SURVEY_REASONS,
    { code: "refund-not-received", categoryCode: "TRV-CONTRACT", nameZh: "退款未到账", nameEn: "Refund not received" },
  ],
  settings: defaultSettings({
    industry: "travel",
    csatTarget: 90,
    frtHours: 48, // its general-complaint policy: first response 48 h, investigation complete 72 h
    resolutionHours: 72,
    valueScoreWeights: { frequency: 40, spend: 40, referral: 20 },
  }),
};
