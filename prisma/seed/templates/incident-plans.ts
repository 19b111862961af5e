// Contingency plans (应急预案) each industry template starts with (issue 17 item 8): one per incident type the industry
// meets most, with steps, roles, scripts in both languages and the compensation rules an incident starts from.
// Keyed by code, so applying a template again updates a plan without duplicating it.
import type { IncidentPlanTemplate } from "./types";

const REPORT = {
  zh: "10 分钟内向值班经理上报事件类型、影响范围和预计恢复时间",
  en: "Report type, impact and expected recovery to the duty manager within 10 minutes",
  role: "duty_manager",
  targetMinutes: 10,
} as const;
const RESPOND = {
  zh: "15 分钟内启动应急响应，宣布事件级别并指定负责人",
  en: "Start the emergency response within 15 minutes: declare the level and name an owner",
  role: "supervisor",
  targetMinutes: 15,
} as const;
const SCRIPT_STEP = {
  zh: "向一线客服发布统一口径话术",
  en: "Publish the approved script to front-line agents",
  role: "communications",
  targetMinutes: 30,
} as const;
const NOTIFY = {
  zh: "通过短信和邮件告知所有受影响客户",
  en: "Notify every affected customer by SMS and e-mail",
  role: "communications",
  targetMinutes: 60,
} as const;
const REVIEW = {
  zh: "事件结束后 5 个工作日内完成复盘并登记改进措施",
  en: "Hold the review within 5 working days and record improvement actions",
  role: "supervisor",
  targetMinutes: null,
} as const;
const LEGAL = { role: "法务合规 Legal & compliance", name: "合规值班 Compliance duty", phone: "+86 10 6459 1200" };

export const AIRLINE_PLANS: IncidentPlanTemplate[] = [
  {
    code: "PLAN-FLT-DISRUPT",
    type: "flight_disruption",
    level: null,
    titleZh: "航班大面积延误与取消应急预案",
    titleEn: "Mass flight delay and cancellation plan",
    steps: [
      REPORT,
      RESPOND,
      {
        zh: "开放免费改签与全额退票通道",
        en: "Open free rebooking and full refunds",
        role: "operations",
        targetMinutes: 30,
      },
      SCRIPT_STEP,
      NOTIFY,
      {
        zh: "为过夜旅客安排酒店和交通",
        en: "Arrange hotels and transport for overnight passengers",
        role: "operations",
        targetMinutes: 120,
      },
      REVIEW,
    ],
    contacts: [
      { role: "运行控制中心 Operations control", name: "AOC 值班席", phone: "+86 10 6459 0001" },
      { role: "地面服务 Ground services", name: "地服值班经理", phone: "+86 10 6459 0002" },
    ],
    scriptZh:
      "非常抱歉，您的航班 {flight} 因{incident}受到影响。我们为您免费改签或全额退票；延误超过 4 小时提供餐食，过夜提供住宿。",
    scriptEn:
      "We are sorry: your flight {flight} is affected by {incident}. We rebook or refund free of charge; meals after 4 hours' delay, a hotel overnight.",
    compensationRules: [
      { condition: "delay_hours", thresholdHours: 4, kind: "meal_hotel", amount: 200, currency: "CNY" },
      { condition: "overnight", thresholdHours: null, kind: "meal_hotel", amount: 600, currency: "CNY" },
      { condition: "cancellation", thresholdHours: null, kind: "refund", amount: 0, currency: "CNY" },
    ],
  },
  {
    code: "PLAN-AIRPORT-CLOSE",
    type: "airport_closure",
    level: null,
    titleZh: "机场关闭（天气 / 空管）应急预案",
    titleEn: "Airport closure (weather / ATC) plan",
    steps: [
      REPORT,
      RESPOND,
      {
        zh: "与机场和空管确认关闭时段",
        en: "Confirm the closure window with the airport and ATC",
        role: "operations",
        targetMinutes: 20,
      },
      SCRIPT_STEP,
      NOTIFY,
      REVIEW,
    ],
    contacts: [{ role: "机场运行指挥 Airport operations", name: "AOC 值班", phone: "+86 21 6834 0000" }],
    scriptZh: "非常抱歉，受{incident}影响机场暂时关闭，预计恢复时间 {recovery}。我们将优先为您安排后续航班。",
    scriptEn:
      "We are sorry: the airport is closed by {incident}; recovery expected {recovery}. We will put you on the next available flight.",
    compensationRules: [
      { condition: "overnight", thresholdHours: null, kind: "meal_hotel", amount: 600, currency: "CNY" },
    ],
  },
  {
    code: "PLAN-DATA-BREACH",
    type: "data_breach",
    level: null,
    titleZh: "个人信息泄露应急预案",
    titleEn: "Personal data breach plan",
    steps: [
      REPORT,
      {
        zh: "隔离受影响系统并保全日志",
        en: "Contain the affected systems and preserve logs",
        role: "it",
        targetMinutes: 60,
      },
      { zh: "确定受影响客户名单", en: "Establish the list of affected customers", role: "it", targetMinutes: 240 },
      {
        zh: "向监管部门报告（见事件上的时限）",
        en: "Report to the regulator (deadline on the incident)",
        role: "legal",
        targetMinutes: 240,
      },
      NOTIFY,
      REVIEW,
    ],
    contacts: [LEGAL, { role: "信息安全 Information security", name: "安全运营中心 SOC", phone: "+86 10 6459 1300" }],
    scriptZh:
      "我们发现了一起数据安全事件，您的部分个人信息可能受到影响。我们已采取补救措施并报告主管部门，请警惕冒充我司的来电和短信。",
    scriptEn:
      "We found a data security incident that may affect some of your personal information. We have taken remedial measures and reported it; beware of calls and messages pretending to be us.",
    compensationRules: [],
  },
];

export const TRAVEL_PLANS: IncidentPlanTemplate[] = [
  {
    code: "PLAN-TOUR-ACCIDENT",
    type: "tour_group_accident",
    level: null,
    titleZh: "旅游团意外事故应急预案",
    titleEn: "Tour-group accident plan",
    steps: [
      REPORT,
      RESPOND,
      {
        zh: "联系领队与地接社确认伤员和团员安全",
        en: "Reach the tour leader and ground agent: injured and safe members",
        role: "operations",
        targetMinutes: 30,
      },
      {
        zh: "通知保险公司并启动救援",
        en: "Notify the insurer and start assistance",
        role: "operations",
        targetMinutes: 60,
      },
      { zh: "联系团员家属", en: "Contact the members' families", role: "communications", targetMinutes: 120 },
      REVIEW,
    ],
    contacts: [
      { role: "领队 Tour leader", name: "按团号查询 By tour code", phone: "" },
      { role: "旅行救援 Travel assistance", name: "救援热线 Assistance hotline", phone: "+86 400 810 0000" },
    ],
    scriptZh: "我们已知悉团队发生的意外，正在全力救援并联系每位团员家属。后续安排和费用由我们承担，请保持电话畅通。",
    scriptEn:
      "We know of the accident and are doing everything to help; we are contacting every member's family. We cover the arrangements and costs; please keep your phone on.",
    compensationRules: [{ condition: "any_linked", thresholdHours: null, kind: "refund", amount: 0, currency: "CNY" }],
  },
  {
    code: "PLAN-HOTEL-OVERBOOK",
    type: "hotel_overbooking",
    level: null,
    titleZh: "酒店超售应急预案",
    titleEn: "Hotel overbooking plan",
    steps: [
      REPORT,
      {
        zh: "在同级或更高等级酒店安排替代房间",
        en: "Book replacement rooms at an equal or better hotel",
        role: "operations",
        targetMinutes: 60,
      },
      { zh: "安排往返交通", en: "Arrange transport both ways", role: "operations", targetMinutes: 90 },
      NOTIFY,
      REVIEW,
    ],
    contacts: [{ role: "酒店采购 Hotel sourcing", name: "资源部值班", phone: "+86 21 5012 3400" }],
    scriptZh: "非常抱歉，原定酒店房间不足。我们已为您安排同级或更高等级的酒店及接送，并退还差价。",
    scriptEn:
      "We are sorry: the hotel is overbooked. We have booked an equal or better hotel with transfers and refund any difference.",
    compensationRules: [
      { condition: "any_linked", thresholdHours: null, kind: "voucher", amount: 300, currency: "CNY" },
    ],
  },
  { ...AIRLINE_PLANS[2]!, code: "PLAN-DATA-BREACH" },
];

export const ENTERPRISE_PLANS: IncidentPlanTemplate[] = [
  {
    code: "PLAN-PRODUCT-RECALL",
    type: "product_recall",
    level: null,
    titleZh: "产品召回应急预案",
    titleEn: "Product recall plan",
    steps: [
      REPORT,
      RESPOND,
      {
        zh: "确定召回批次与范围并停止销售",
        en: "Fix the batches and scope; stop sales",
        role: "operations",
        targetMinutes: 120,
      },
      { zh: "向市场监管部门备案", en: "File with the market regulator", role: "legal", targetMinutes: 1440 },
      NOTIFY,
      { zh: "开通退换货通道", en: "Open returns and exchanges", role: "operations", targetMinutes: 1440 },
      REVIEW,
    ],
    contacts: [LEGAL, { role: "质量管理 Quality", name: "质量部经理", phone: "+86 21 6888 2000" }],
    scriptZh: "我们主动召回部分批次产品。请停止使用并联系我们，我们将免费为您更换或全额退款。",
    scriptEn:
      "We are recalling some batches. Please stop using the product and contact us: we replace it or refund it in full, free of charge.",
    compensationRules: [{ condition: "any_linked", thresholdHours: null, kind: "refund", amount: 0, currency: "CNY" }],
  },
  {
    code: "PLAN-SERVICE-OUTAGE",
    type: "system_outage",
    level: null,
    titleZh: "服务中断应急预案",
    titleEn: "Service outage plan",
    steps: [
      REPORT,
      RESPOND,
      {
        zh: "在状态页发布故障公告",
        en: "Post the outage on the status page",
        role: "communications",
        targetMinutes: 20,
      },
      SCRIPT_STEP,
      {
        zh: "每 30 分钟更新一次进展",
        en: "Update progress every 30 minutes",
        role: "communications",
        targetMinutes: 30,
      },
      REVIEW,
    ],
    contacts: [{ role: "技术值班 On-call engineering", name: "SRE 值班", phone: "+86 10 8888 6000" }],
    scriptZh: "非常抱歉，{incident}导致服务暂时中断，预计恢复时间 {recovery}。恢复后我们会第一时间通知您。",
    scriptEn:
      "We are sorry: {incident} has interrupted the service; recovery expected {recovery}. We will tell you as soon as it is back.",
    compensationRules: [{ condition: "delay_hours", thresholdHours: 4, kind: "voucher", amount: 50, currency: "CNY" }],
  },
  { ...AIRLINE_PLANS[2]!, code: "PLAN-DATA-BREACH" },
];
