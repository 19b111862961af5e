// Words on the demo timelines: what agents write to customers and to each other, and what customers answer.
import type { Locale } from "../../../lib/generated/prisma/enums";

type Bilingual = { zh: string; en: string };

export function say(text: Bilingual, locale: Locale): string {
  return locale === "en" ? text.en : text.zh;
}

export const FIRST_REPLY: Bilingual = {
  zh: "您好，您的投诉已受理，我们正在向相关部门核实情况，会尽快给您答复。给您带来不便，深表歉意。",
  en: "Thank you for contacting us. We are checking the facts with the department concerned and will come back to you shortly. We are sorry for the inconvenience.",
};

export const REQUEST_INFO: Bilingual = {
  zh: "为便于核实，请提供您的登机牌照片或电子客票号，以及相关票据照片。",
  en: "To verify the facts, please send a photo of your boarding pass or your e-ticket number, and photos of any receipts.",
};

export const CUSTOMER_SENDS_INFO: Bilingual = {
  zh: "材料已上传，请尽快处理，谢谢。",
  en: "I have uploaded the documents, please deal with this quickly.",
};

export const CUSTOMER_REOPENS: Bilingual = {
  zh: "对处理结果不满意，说好的补偿到现在还没有收到，请重新处理。",
  en: "I am not satisfied with the outcome; the compensation you promised has still not arrived. Please look at this again.",
};

export const CUSTOMER_CONFIRMS: Bilingual = {
  zh: "收到，问题已经解决，谢谢你们的帮助。",
  en: "Received, the problem is solved. Thank you for your help.",
};

export const REJECTION: Bilingual = {
  zh: "经核实，您反馈的情况不属于我司责任范围（机场/第三方服务），我们已将您的意见转交相关单位，感谢您的理解。",
  en: "Having checked the facts, this matter lies outside our responsibility (airport / third-party service). We have passed your feedback to them and thank you for your understanding.",
};

export const RESOLUTION_PREFIX: Bilingual = {
  zh: "您好，关于您反馈的问题，处理结果如下：",
  en: "Here is the outcome of your complaint: ",
};

// Internal notes are written in the agents' working language, Chinese.
export const INTERNAL_NOTES = [
  "已联系运控中心核实航班动态及延误原因。",
  "已致电旅客，旅客情绪较激动，已做安抚并说明处理时限。",
  "已通过WorldTracer查询行李状态，等待中转站回复。",
  "需财务部确认退款进度，已发邮件跟进。",
  "已与地服值班经理沟通，调取当日监控及值机记录。",
  "客户为重要旅客，已报主管关注。",
  "已核对订单及支付流水，情况属实。",
] as const;

export const CUSTOMER_FOLLOW_UP: Bilingual = {
  zh: "请问处理得怎么样了？已经等了好几天了。",
  en: "Any news on my case? I have been waiting for days.",
};

export const SURVEY_COMMENTS: Record<"high" | "low", Bilingual[]> = {
  high: [
    { zh: "客服处理很及时，态度也很好。", en: "Quick and friendly handling, thank you." },
    { zh: "问题解决得很彻底，非常满意。", en: "The problem was fully solved, very satisfied." },
    { zh: "李女士很耐心，给她点赞。", en: "The agent was very patient, well done." },
  ],
  low: [
    { zh: "处理太慢了，前后等了一个多星期。", en: "Far too slow, I waited more than a week." },
    { zh: "补偿标准太低，不能接受。", en: "The compensation is too low to be acceptable." },
    { zh: "问题根本没有解决，只是套话。", en: "Nothing was actually solved, only stock phrases." },
  ],
};
