// A few articles for the travel and enterprise templates.
import { article, type SeedArticle } from "./types";

export const TRAVEL_ARTICLES: SeedArticle[] = [
  article(
    "trv-sop-shopping",
    "sop",
    "TRV-ITIN-SHOP",
    false,
    "强制购物投诉处理 SOP",
    "Forced shopping complaints SOP",
    "1. 核对行程单中约定的购物点。\n2. 联系导游与地接社取证。\n3. 属实的协助旅客 30 日内退货并追责。",
    "1. Check the shopping stops agreed in the itinerary.\n2. Collect statements from the guide and ground operator.\n3. If confirmed, help the traveller return goods within 30 days and hold the operator to account.",
  ),
  article(
    "trv-faq-refund",
    "faq",
    "TRV-CONTRACT-REFUND",
    true,
    "出发前退团如何收费？",
    "What does it cost to cancel before departure?",
    "出发前 7 日以上退团收取团费的 10%，7 日以内按合同约定比例收取。",
    "Cancelling more than 7 days before departure costs 10% of the tour price; within 7 days the contract's scale applies.",
  ),
  article(
    "trv-script-guide",
    "script",
    "TRV-GUIDE-ATTITUDE",
    false,
    "导游服务致歉话术",
    "Tour guide apology script",
    "{{customer.name}}您好，对于导游服务给您带来的不愉快，我们深表歉意。我们已对该导游进行约谈，并将根据调查结果给予您相应补偿。",
    "Dear {{customer.name}}, we sincerely apologise for the tour guide's conduct. We have spoken with the guide and will compensate you according to the findings.",
  ),
  article(
    "trv-reg-tourism",
    "regulation",
    "TRV-CONTRACT-TERMS",
    false,
    "《旅游法》合同条款摘要",
    "Tourism Law: contract provisions",
    "- 第 57 条：包价旅游合同应采用书面形式。\n- 第 65 条：出发前旅游者可解除合同。\n- 第 70 条：旅行社违约应承担责任。",
    "- Article 57: package tour contracts are made in writing.\n- Article 65: travellers may cancel before departure.\n- Article 70: agencies are liable for breaches.",
  ),
];

export const ENTERPRISE_ARTICLES: SeedArticle[] = [
  article(
    "ent-sop-quality",
    "sop",
    "ENT-CUST-QUALITY",
    false,
    "产品质量投诉处理 SOP",
    "Product quality complaints SOP",
    "1. 收集批次号与照片。\n2. 48 小时内安排退换货。\n3. 同一批次三起以上投诉触发质量调查。",
    "1. Collect the batch number and photos.\n2. Arrange a replacement or return within 48 hours.\n3. Three complaints on one batch trigger a quality investigation.",
  ),
  article(
    "ent-faq-invoice",
    "faq",
    "ENT-CUST-BILLING",
    true,
    "如何申请发票？",
    "How do I request an invoice?",
    '在订单详情页点击"申请发票"，电子发票 3 个工作日内发送到您的邮箱。',
    "Click Request invoice on the order page; the e-invoice reaches your inbox within 3 working days.",
  ),
  article(
    "ent-script-delivery",
    "script",
    "ENT-CUST-DELIVERY",
    false,
    "交付延迟致歉话术",
    "Late delivery apology script",
    "{{customer.name}}您好，很抱歉您的订单未能按时交付。我们已加急处理，并会在发货后第一时间通知您。",
    "Dear {{customer.name}}, we are sorry your order was not delivered on time. We have expedited it and will tell you as soon as it ships.",
  ),
];
