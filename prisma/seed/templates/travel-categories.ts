// Tourism complaint categories with root causes (handbook 002): package tours, hotels, guides, contracts.
import type { CategoryTemplate } from "./types";

export const TRAVEL_CATEGORIES: CategoryTemplate[] = [
  {
    code: "TRV-ITIN",
    nameZh: "行程安排",
    nameEn: "Itinerary",
    subcategories: [
      { code: "TRV-ITIN-CHANGE", nameZh: "擅自变更行程", nameEn: "Unannounced itinerary change" },
      { code: "TRV-ITIN-SKIP", nameZh: "减少景点", nameEn: "Attractions skipped" },
      { code: "TRV-ITIN-SHOP", nameZh: "强制购物", nameEn: "Forced shopping stops" },
    ],
    rootCauses: [
      { code: "TRV-RC-OPERATOR", kind: "external", nameZh: "地接社违规", nameEn: "Local operator breach" },
      { code: "TRV-RC-PLANNING", kind: "process", nameZh: "行程设计不合理", nameEn: "Poor itinerary planning" },
    ],
  },
  {
    code: "TRV-GUIDE",
    nameZh: "导游服务",
    nameEn: "Tour guide",
    subcategories: [
      { code: "TRV-GUIDE-ATTITUDE", nameZh: "导游态度", nameEn: "Guide attitude" },
      { code: "TRV-GUIDE-ABSENT", nameZh: "导游擅离职守", nameEn: "Guide absent" },
    ],
    rootCauses: [
      { code: "TRV-RC-GUIDE-TRAINING", kind: "people", nameZh: "导游培训不足", nameEn: "Guide training" },
      { code: "TRV-RC-GUIDE-CONDUCT", kind: "people", nameZh: "导游个人行为", nameEn: "Guide conduct" },
    ],
  },
  {
    code: "TRV-HOTEL",
    nameZh: "住宿",
    nameEn: "Accommodation",
    subcategories: [
      { code: "TRV-HOTEL-DOWNGRADE", nameZh: "酒店降级", nameEn: "Hotel downgrade" },
      { code: "TRV-HOTEL-HYGIENE", nameZh: "卫生问题", nameEn: "Cleanliness" },
    ],
    rootCauses: [
      { code: "TRV-RC-HOTEL-SUPPLIER", kind: "external", nameZh: "酒店供应商", nameEn: "Hotel supplier" },
      { code: "TRV-RC-HOTEL-CONTRACT", kind: "policy", nameZh: "采购标准", nameEn: "Procurement standard" },
    ],
  },
  {
    code: "TRV-TRANSPORT",
    nameZh: "交通",
    nameEn: "Transport",
    subcategories: [
      { code: "TRV-TRANSPORT-COACH", nameZh: "旅游大巴", nameEn: "Coach" },
      { code: "TRV-TRANSPORT-FLIGHT", nameZh: "机票/火车票", nameEn: "Flights / rail tickets" },
    ],
    rootCauses: [
      { code: "TRV-RC-VEHICLE", kind: "external", nameZh: "车辆故障", nameEn: "Vehicle breakdown" },
      { code: "TRV-RC-TICKETING", kind: "system", nameZh: "出票错误", nameEn: "Ticketing error" },
    ],
  },
  {
    code: "TRV-CONTRACT",
    nameZh: "合同与退费",
    nameEn: "Contract & refunds",
    subcategories: [
      { code: "TRV-CONTRACT-REFUND", nameZh: "退团退费", nameEn: "Cancellation refund" },
      { code: "TRV-CONTRACT-TERMS", nameZh: "合同条款", nameEn: "Contract terms" },
    ],
    rootCauses: [
      { code: "TRV-RC-TERMS", kind: "policy", nameZh: "合同条款不清", nameEn: "Unclear terms" },
      { code: "TRV-RC-FINANCE", kind: "process", nameZh: "财务退款流程", nameEn: "Refund process" },
    ],
  },
  {
    code: "TRV-SAFETY",
    nameZh: "安全",
    nameEn: "Safety",
    subcategories: [
      { code: "TRV-SAFETY-INJURY", nameZh: "人身伤害", nameEn: "Injury" },
      { code: "TRV-SAFETY-PROPERTY", nameZh: "财物损失", nameEn: "Loss of property" },
    ],
    rootCauses: [
      { code: "TRV-RC-SAFETY-BRIEF", kind: "process", nameZh: "安全提示不到位", nameEn: "Missing safety briefing" },
      { code: "TRV-RC-FORCE-MAJEURE", kind: "external", nameZh: "不可抗力", nameEn: "Force majeure" },
    ],
  },
];
