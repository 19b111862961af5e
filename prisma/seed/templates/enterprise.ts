// Enterprise (B2B / B2C products) template (handbook 004): the handbook's complaint types customer / internal /
// systemic / special become the root categories; record within 24 h, solution feedback within 48 h.
import { ENTERPRISE_DEPARTMENTS } from "./departments";
import { ENTERPRISE_PLANS } from "./incident-plans";
import { CALENDAR_24X7, CALENDAR_OFFICE } from "./calendars";
import { APPROVAL_LIMITS, DIRECT_CHANNELS, GENERAL_SURVEY_REASONS, SURVEY_TEXTS, defaultSettings } from "./shared";
import type { IndustryTemplate } from "./types";

const HOUR = 60;

export const enterpriseTemplate: IndustryTemplate = {
  code: "enterprise",
  nameZh: "企业",
  nameEn: "Enterprise",
  channels: [
    ...DIRECT_CHANNELS,
    { code: "account-manager", kind: "api", nameZh: "客户经理转交", nameEn: "Account manager referral" },
    {
      code: "hotline-12315",
      kind: "regulator",
      nameZh: "12315消费者投诉热线",
      nameEn: "12315 consumer hotline",
      isRegulator: true,
    },
  ],
  categories: [
    {
      code: "ENT-CUST",
      nameZh: "客户投诉",
      nameEn: "Customer complaints",
      subcategories: [
        { code: "ENT-CUST-QUALITY", nameZh: "产品质量", nameEn: "Product quality" },
        { code: "ENT-CUST-DELIVERY", nameZh: "交付延迟", nameEn: "Late delivery" },
        { code: "ENT-CUST-BILLING", nameZh: "账单与发票", nameEn: "Billing and invoices" },
        { code: "ENT-CUST-SERVICE", nameZh: "售后服务", nameEn: "After-sales service" },
      ],
      rootCauses: [
        { code: "ENT-RC-QC", kind: "process", nameZh: "质检遗漏", nameEn: "Quality control gap" },
        { code: "ENT-RC-LOGISTICS", kind: "external", nameZh: "物流承运商", nameEn: "Logistics carrier" },
        { code: "ENT-RC-BILLING", kind: "system", nameZh: "计费系统错误", nameEn: "Billing system error" },
        { code: "ENT-RC-STAFF", kind: "people", nameZh: "人员服务不到位", nameEn: "Staff service lapse" },
      ],
    },
    {
      code: "ENT-INT",
      nameZh: "内部投诉",
      nameEn: "Internal complaints",
      subcategories: [
        { code: "ENT-INT-HANDOVER", nameZh: "部门协作", nameEn: "Cross-department hand-over" },
        { code: "ENT-INT-SUPPORT", nameZh: "内部支持", nameEn: "Internal support" },
      ],
      rootCauses: [{ code: "ENT-RC-PROCESS", kind: "process", nameZh: "流程不清", nameEn: "Unclear process" }],
    },
    {
      code: "ENT-SYS",
      nameZh: "系统性投诉",
      nameEn: "Systemic complaints",
      subcategories: [
        { code: "ENT-SYS-OUTAGE", nameZh: "系统故障", nameEn: "System outage" },
        { code: "ENT-SYS-POLICY", nameZh: "政策规定", nameEn: "Policy" },
      ],
      rootCauses: [
        { code: "ENT-RC-PLATFORM", kind: "system", nameZh: "平台缺陷", nameEn: "Platform defect" },
        { code: "ENT-RC-POLICY", kind: "policy", nameZh: "政策设计", nameEn: "Policy design" },
      ],
    },
    {
      code: "ENT-SPECIAL",
      nameZh: "特殊投诉",
      nameEn: "Special complaints",
      subcategories: [
        { code: "ENT-SPECIAL-LEGAL", nameZh: "法律纠纷", nameEn: "Legal dispute" },
        { code: "ENT-SPECIAL-MEDIA", nameZh: "媒体曝光", nameEn: "Media exposure" },
      ],
      rootCauses: [{ code: "ENT-RC-EXTERNAL", kind: "external", nameZh: "外部因素", nameEn: "External factors" }],
    },
  ],
  severities: [
    { code: "critical", nameZh: "紧急", nameEn: "Critical", rank: 1, color: "purple", escalateOnCreate: true },
    { code: "high", nameZh: "重要", nameEn: "High", rank: 2, color: "red" },
    { code: "medium", nameZh: "一般", nameEn: "Medium", rank: 3, color: "amber" },
    { code: "low", nameZh: "轻微", nameEn: "Low", rank: 4, color: "green" },
  ],
  tiers: [
    { code: "key-account", nameZh: "大客户", nameEn: "Key account", rank: 1, escalateOnCreate: true },
    { code: "sme", nameZh: "中小企业", nameEn: "SME", rank: 2 },
    { code: "individual", nameZh: "个人客户", nameEn: "Individual", rank: 3 },
  ],
  touchpoints: [
    { code: "pre-sales", nameZh: "售前", nameEn: "Pre-sales" },
    { code: "ordering", nameZh: "下单", nameEn: "Ordering" },
    { code: "delivery", nameZh: "交付", nameEn: "Delivery" },
    { code: "usage", nameZh: "使用", nameEn: "Usage" },
    { code: "after-sales", nameZh: "售后", nameEn: "After-sales" },
  ],
  calendars: [CALENDAR_24X7, CALENDAR_OFFICE],
  departments: ENTERPRISE_DEPARTMENTS,
  incidentPlans: ENTERPRISE_PLANS,
  slaPolicies: [
    {
      code: "enterprise-critical",
      nameZh: "紧急投诉",
      nameEn: "Critical complaints",
      rank: 10,
      calendarCode: CALENDAR_24X7.code,
      warnPercent: 75,
      matchSeverityCode: "critical",
      targets: { acknowledge: HOUR, first_response: 2 * HOUR, next_update: 4 * HOUR, resolution: 24 * HOUR },
    },
    {
      code: "enterprise-key-account",
      nameZh: "大客户投诉",
      nameEn: "Key-account complaints",
      rank: 20,
      calendarCode: CALENDAR_24X7.code,
      warnPercent: 75,
      matchTierCode: "key-account",
      targets: { acknowledge: 4 * HOUR, first_response: 8 * HOUR, next_update: 24 * HOUR, resolution: 48 * HOUR },
    },
    {
      code: "enterprise-default",
      nameZh: "标准（24小时记录，48小时反馈方案）",
      nameEn: "Standard (record 24 h, solution feedback 48 h)",
      rank: 1000,
      isDefault: true,
      calendarCode: CALENDAR_24X7.code,
      warnPercent: 75,
      targets: { acknowledge: 24 * HOUR, first_response: 24 * HOUR, next_update: 48 * HOUR, resolution: 48 * HOUR },
    },
  ],
  approvalLimits: APPROVAL_LIMITS,
  replyTemplates: [
    {
      code: "enterprise-ack",
      nameZh: "受理确认",
      nameEn: "Acknowledgement",
      subjectZh: "您的投诉已记录（{{complaint.reference}}）",
      subjectEn: "Your complaint has been recorded ({{complaint.reference}})",
      bodyZh:
        "尊敬的{{customer.name}}：\n\n您的投诉已记录，编号 {{complaint.reference}}，我们将在48小时内反馈解决方案。\n\n{{agent.name}}",
      bodyEn:
        "Dear {{customer.name}},\n\nYour complaint {{complaint.reference}} has been recorded; we will come back with a solution within 48 hours.\n\n{{agent.name}}",
    },
    {
      code: "enterprise-solution",
      nameZh: "解决方案反馈",
      nameEn: "Proposed solution",
      subjectZh: "解决方案（{{complaint.reference}}）",
      subjectEn: "Proposed solution ({{complaint.reference}})",
      bodyZh:
        "尊敬的{{customer.name}}：\n\n针对您反馈的问题，我们的解决方案如下：{{complaint.resolutionSummary}}\n\n如有疑问请随时联系我们。\n\n{{agent.name}}",
      bodyEn:
        "Dear {{customer.name}},\n\nHere is our proposed solution: {{complaint.resolutionSummary}}\n\nPlease contact us with any questions.\n\n{{agent.name}}",
    },
    {
      code: "enterprise-credit-note",
      categoryCode: "ENT-CUST",
      nameZh: "退款/红字发票",
      nameEn: "Credit note",
      subjectZh: "退款与红字发票",
      subjectEn: "Your credit note",
      bodyZh:
        "尊敬的{{customer.name}}：\n\n我们已为您开具{{compensation.amount}}元的红字发票，款项将在7个工作日内退回。\n\n{{agent.name}}",
      bodyEn:
        "Dear {{customer.name}},\n\nWe have issued a credit note of CNY {{compensation.amount}}; the amount will be refunded within 7 working days.\n\n{{agent.name}}",
    },
    {
      code: "enterprise-request-info",
      nameZh: "请补充材料",
      nameEn: "Request for information",
      subjectZh: "请补充材料（{{complaint.reference}}）",
      subjectEn: "We need more information ({{complaint.reference}})",
      bodyZh: "尊敬的{{customer.name}}：\n\n请提供订单号、合同编号及问题照片，以便我们尽快处理。\n\n{{agent.name}}",
      bodyEn:
        "Dear {{customer.name}},\n\nPlease send the order number, contract number and photos of the issue so we can proceed.\n\n{{agent.name}}",
    },
    {
      code: "enterprise-apology",
      nameZh: "致歉",
      nameEn: "Apology",
      subjectZh: "致歉函（{{complaint.reference}}）",
      subjectEn: "Our apologies ({{complaint.reference}})",
      bodyZh:
        "尊敬的{{customer.name}}：\n\n对此次问题给贵司带来的影响，我们深表歉意，并已制定整改措施防止再次发生。\n\n{{agent.name}}",
      bodyEn:
        "Dear {{customer.name}},\n\nWe apologise for the impact this issue had on your business and have put corrective actions in place to prevent it recurring.\n\n{{agent.name}}",
    },
    {
      code: "enterprise-praise-thanks",
      nameZh: "表扬致谢",
      nameEn: "Thanks for praise",
      subjectZh: "感谢您的肯定",
      subjectEn: "Thank you for your feedback",
      bodyZh: "尊敬的{{customer.name}}：\n\n感谢您对我们团队的肯定，我们已转达给相关同事。\n\n{{agent.name}}",
      bodyEn:
        "Dear {{customer.name}},\n\nThank you for your kind words about our team; we have passed them on.\n\n{{agent.name}}",
    },
  ],
  surveyTexts: SURVEY_TEXTS,
  surveyReasons: GENERAL_SURVEY_REASONS,
  settings: defaultSettings({
    industry: "enterprise",
    csatTarget: 85,
    frtHours: 24, // record within 24 h, solution feedback within 48 h
    resolutionHours: 48,
    valueScoreWeights: { procurement: 50, volume: 50 },
  }),
};
