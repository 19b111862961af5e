// Airline complaint categories (tree) with the root-cause codes investigators pick from (SPEC §7), modelled on the
// CAAC complaint classification used by Chinese carriers.
import type { CategoryTemplate } from "./types";

export const AIRLINE_CATEGORIES: CategoryTemplate[] = [
  {
    code: "FLT",
    nameZh: "航班延误/取消",
    nameEn: "Flight delay / cancellation",
    subcategories: [
      { code: "FLT-DELAY", nameZh: "航班延误", nameEn: "Flight delay" },
      { code: "FLT-CANCEL", nameZh: "航班取消", nameEn: "Flight cancellation" },
      { code: "FLT-DIVERT", nameZh: "备降/返航", nameEn: "Diversion / return" },
      { code: "FLT-INFO", nameZh: "不正常航班信息通知", nameEn: "Disruption information" },
    ],
    rootCauses: [
      { code: "FLT-RC-WEATHER", kind: "external", nameZh: "天气原因", nameEn: "Weather" },
      { code: "FLT-RC-ATC", kind: "external", nameZh: "空中交通管制", nameEn: "Air traffic control" },
      { code: "FLT-RC-MAINT", kind: "process", nameZh: "飞机故障/维修", nameEn: "Aircraft technical issue" },
      { code: "FLT-RC-CREW", kind: "process", nameZh: "机组排班", nameEn: "Crew scheduling" },
      {
        code: "FLT-RC-NOTIFY",
        kind: "system",
        nameZh: "延误通知未及时发送",
        nameEn: "Delay notification not sent in time",
      },
    ],
  },
  {
    code: "BAG",
    nameZh: "行李",
    nameEn: "Baggage",
    subcategories: [
      { code: "BAG-LOST", nameZh: "行李丢失", nameEn: "Lost baggage" },
      { code: "BAG-DAMAGED", nameZh: "行李破损", nameEn: "Damaged baggage" },
      { code: "BAG-DELAYED", nameZh: "行李延误", nameEn: "Delayed baggage" },
      { code: "BAG-PILFER", nameZh: "行李内物品缺失", nameEn: "Items missing from baggage" },
      { code: "BAG-FEE", nameZh: "逾重行李费", nameEn: "Excess baggage fee" },
    ],
    rootCauses: [
      { code: "BAG-RC-TRANSFER", kind: "process", nameZh: "中转衔接不足", nameEn: "Missed transfer connection" },
      { code: "BAG-RC-TAG", kind: "people", nameZh: "行李牌错挂", nameEn: "Wrong bag tag" },
      { code: "BAG-RC-HANDLING", kind: "people", nameZh: "装卸操作不当", nameEn: "Rough handling" },
      { code: "BAG-RC-SYSTEM", kind: "system", nameZh: "行李查询系统故障", nameEn: "Baggage tracing system fault" },
      { code: "BAG-RC-POLICY", kind: "policy", nameZh: "赔偿标准争议", nameEn: "Compensation rules disputed" },
    ],
  },
  {
    code: "TKT",
    nameZh: "票务与退改签",
    nameEn: "Ticketing & refunds",
    subcategories: [
      { code: "TKT-REFUND", nameZh: "退票及退款", nameEn: "Refund" },
      { code: "TKT-CHANGE", nameZh: "改签", nameEn: "Ticket change" },
      { code: "TKT-OVERBOOK", nameZh: "超售", nameEn: "Overbooking" },
      { code: "TKT-FARE", nameZh: "票价与收费", nameEn: "Fares and fees" },
    ],
    rootCauses: [
      { code: "TKT-RC-RULES", kind: "policy", nameZh: "退改规则不透明", nameEn: "Unclear fare rules" },
      { code: "TKT-RC-AGENT", kind: "external", nameZh: "代理人/OTA操作", nameEn: "Travel agent / OTA handling" },
      { code: "TKT-RC-PAYMENT", kind: "system", nameZh: "退款系统延迟", nameEn: "Refund system delay" },
      { code: "TKT-RC-OVERSALE", kind: "process", nameZh: "超售控制", nameEn: "Overbooking control" },
    ],
  },
  {
    code: "CHK",
    nameZh: "值机与登机",
    nameEn: "Check-in & boarding",
    subcategories: [
      { code: "CHK-QUEUE", nameZh: "排队时间长", nameEn: "Long queues" },
      { code: "CHK-SEAT", nameZh: "座位安排", nameEn: "Seat assignment" },
      { code: "CHK-DENIED", nameZh: "拒绝登机", nameEn: "Denied boarding" },
      { code: "CHK-GATE", nameZh: "登机口变更/广播", nameEn: "Gate change / announcements" },
    ],
    rootCauses: [
      { code: "CHK-RC-STAFFING", kind: "process", nameZh: "柜台人手不足", nameEn: "Understaffed counters" },
      { code: "CHK-RC-DCS", kind: "system", nameZh: "离港系统故障", nameEn: "Departure control system fault" },
      { code: "CHK-RC-DOCS", kind: "policy", nameZh: "证件要求", nameEn: "Travel document rules" },
    ],
  },
  {
    code: "INF",
    nameZh: "机上服务",
    nameEn: "In-flight service",
    subcategories: [
      { code: "INF-MEAL", nameZh: "餐食饮料", nameEn: "Meals and drinks" },
      { code: "INF-CABIN", nameZh: "客舱环境与设施", nameEn: "Cabin environment" },
      { code: "INF-IFE", nameZh: "机上娱乐与Wi-Fi", nameEn: "Entertainment and Wi-Fi" },
    ],
    rootCauses: [
      { code: "INF-RC-CATERING", kind: "external", nameZh: "配餐供应商", nameEn: "Catering supplier" },
      { code: "INF-RC-CLEANING", kind: "process", nameZh: "客舱清洁", nameEn: "Cabin cleaning" },
      { code: "INF-RC-EQUIP", kind: "system", nameZh: "设备故障", nameEn: "Equipment failure" },
    ],
  },
  {
    code: "STF",
    nameZh: "服务态度",
    nameEn: "Staff attitude",
    subcategories: [
      { code: "STF-GROUND", nameZh: "地面服务人员", nameEn: "Ground staff" },
      { code: "STF-CREW", nameZh: "乘务员", nameEn: "Cabin crew" },
      { code: "STF-CALL", nameZh: "客服热线", nameEn: "Call centre" },
    ],
    rootCauses: [
      { code: "STF-RC-TRAINING", kind: "people", nameZh: "培训不足", nameEn: "Insufficient training" },
      { code: "STF-RC-CONDUCT", kind: "people", nameZh: "个人服务意识", nameEn: "Individual conduct" },
      { code: "STF-RC-WORKLOAD", kind: "process", nameZh: "高峰期工作负荷", nameEn: "Peak-time workload" },
    ],
  },
  {
    code: "FFP",
    nameZh: "常旅客计划",
    nameEn: "Frequent-flyer programme",
    subcategories: [
      { code: "FFP-MILES", nameZh: "里程累积", nameEn: "Mileage accrual" },
      { code: "FFP-REDEEM", nameZh: "里程兑换", nameEn: "Award redemption" },
      { code: "FFP-TIER", nameZh: "会员等级", nameEn: "Tier status" },
    ],
    rootCauses: [
      { code: "FFP-RC-PARTNER", kind: "external", nameZh: "合作伙伴数据延迟", nameEn: "Partner data delay" },
      { code: "FFP-RC-RULES", kind: "policy", nameZh: "会员规则", nameEn: "Programme rules" },
      { code: "FFP-RC-SYSTEM", kind: "system", nameZh: "会员系统错误", nameEn: "Loyalty system error" },
    ],
  },
  {
    code: "SPA",
    nameZh: "特殊旅客服务",
    nameEn: "Special assistance",
    subcategories: [
      { code: "SPA-WCHR", nameZh: "轮椅服务", nameEn: "Wheelchair assistance" },
      { code: "SPA-UMNR", nameZh: "无成人陪伴儿童", nameEn: "Unaccompanied minors" },
      { code: "SPA-MEDICAL", nameZh: "医疗协助", nameEn: "Medical assistance" },
    ],
    rootCauses: [
      { code: "SPA-RC-HANDOVER", kind: "process", nameZh: "交接遗漏", nameEn: "Missed hand-over" },
      { code: "SPA-RC-BOOKING", kind: "system", nameZh: "特殊服务申请未录入", nameEn: "Request not recorded" },
    ],
  },
  {
    code: "WEB",
    nameZh: "官网/App",
    nameEn: "Website / app",
    subcategories: [
      { code: "WEB-BOOKING", nameZh: "在线订票", nameEn: "Online booking" },
      { code: "WEB-PAYMENT", nameZh: "支付问题", nameEn: "Payment" },
      { code: "WEB-CHECKIN", nameZh: "网上值机", nameEn: "Online check-in" },
    ],
    rootCauses: [
      { code: "WEB-RC-BUG", kind: "system", nameZh: "软件缺陷", nameEn: "Software defect" },
      { code: "WEB-RC-UX", kind: "process", nameZh: "流程设计不友好", nameEn: "Confusing user flow" },
      { code: "WEB-RC-GATEWAY", kind: "external", nameZh: "第三方支付故障", nameEn: "Payment provider outage" },
    ],
  },
  {
    code: "SAF",
    nameZh: "安全与安检",
    nameEn: "Safety & security",
    subcategories: [
      { code: "SAF-ONBOARD", nameZh: "机上安全", nameEn: "On-board safety" },
      { code: "SAF-SECURITY", nameZh: "安检", nameEn: "Security screening" },
    ],
    rootCauses: [
      { code: "SAF-RC-PROCEDURE", kind: "process", nameZh: "安全程序执行", nameEn: "Safety procedure not followed" },
      { code: "SAF-RC-AIRPORT", kind: "external", nameZh: "机场安检", nameEn: "Airport security" },
    ],
  },
];
