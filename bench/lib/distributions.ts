// Shapes of the generated data, as weighted SQL arrays: `pick(arr)` draws one element with the array's frequencies.
// Figures are plausible for a Chinese airline's customer-service centre, not taken from any real carrier.

/** An SQL array literal in which each value appears in proportion to its weight (≈ `resolution` slots in total). */
export function weighted<T extends string | number>(
  entries: readonly (readonly [T, number])[],
  resolution = 200,
): string {
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  const items: string[] = [];
  for (const [value, weight] of entries) {
    const copies = Math.max(1, Math.round((weight / total) * resolution));
    const literal = typeof value === "number" ? String(value) : `'${value.replace(/'/g, "''")}'`;
    for (let index = 0; index < copies; index += 1) items.push(literal);
  }
  return `ARRAY[${items.join(",")}]`;
}

/** Draws one element of an SQL array uniformly (volatile: a new draw per row). */
export function pick(arrayExpression: string): string {
  return `(${arrayExpression})[1 + floor(random() * cardinality(${arrayExpression}))::int]`;
}

/** Calls by hour of day (Asia/Shanghai): quiet nights, a morning peak, a long afternoon, an evening shoulder. */
export const HOURS: [number, number][] = [
  [0, 1.2],
  [1, 0.7],
  [2, 0.4],
  [3, 0.3],
  [4, 0.3],
  [5, 0.6],
  [6, 1.5],
  [7, 3],
  [8, 5.5],
  [9, 7.5],
  [10, 8],
  [11, 7.5],
  [12, 5.5],
  [13, 6.5],
  [14, 7.5],
  [15, 7.5],
  [16, 7],
  [17, 6],
  [18, 4.5],
  [19, 4.5],
  [20, 4.5],
  [21, 4],
  [22, 3],
  [23, 2],
];

/** Relative volume per weekday (0 = Sunday): complaints peak on Monday after the weekend's travel. */
export const WEEKDAY_ACCEPT = [0.7, 1, 0.95, 0.9, 0.88, 0.9, 0.72];

/** Top-level category codes of the airline template, Pareto-shaped: delays and baggage dominate. */
export const CATEGORY_WEIGHTS: [string, number][] = [
  ["FLT", 34],
  ["BAG", 19],
  ["TKT", 13],
  ["CHK", 9],
  ["STF", 7],
  ["INF", 6],
  ["FFP", 5],
  ["WEB", 4],
  ["SPA", 2],
  ["SAF", 1],
];

export const CHANNEL_WEIGHTS: [string, number][] = [
  ["phone", 30],
  ["app", 15],
  ["web", 14],
  ["email", 10],
  ["chat", 9],
  ["counter", 8],
  ["social", 6],
  ["ota", 5],
  ["letter", 2],
  ["caac-12326", 1],
];

export const SEVERITY_WEIGHTS: [string, number][] = [
  ["critical", 2],
  ["red", 10],
  ["yellow", 38],
  ["green", 50],
];
export const TIER_WEIGHTS: [string, number][] = [
  ["platinum", 1],
  ["gold", 5],
  ["silver", 14],
  ["ordinary", 80],
];
export const TYPE_WEIGHTS: [string, number][] = [
  ["complaint", 78],
  ["inquiry", 12],
  ["suggestion", 6],
  ["praise", 4],
];
/** CSAT 1–5, skewed high as in most service surveys, with a small angry tail. */
export const CSAT_WEIGHTS: [number, number][] = [
  [5, 46],
  [4, 28],
  [3, 12],
  [2, 6],
  [1, 8],
];
export const COMPENSATION_KINDS: [string, number][] = [
  ["voucher", 40],
  ["miles", 25],
  ["refund", 18],
  ["meal_hotel", 8],
  ["cash", 5],
  ["upgrade", 4],
];

export const SURNAMES_ZH = [
  "王",
  "李",
  "张",
  "刘",
  "陈",
  "杨",
  "黄",
  "赵",
  "吴",
  "周",
  "徐",
  "孙",
  "马",
  "朱",
  "胡",
  "郭",
  "何",
  "高",
  "林",
  "罗",
  "郑",
  "梁",
  "谢",
  "宋",
  "唐",
  "许",
  "韩",
  "冯",
  "邓",
  "曹",
];
export const GIVEN_ZH = [
  "伟",
  "芳",
  "娜",
  "秀英",
  "敏",
  "静",
  "丽",
  "强",
  "磊",
  "军",
  "洋",
  "勇",
  "艳",
  "杰",
  "娟",
  "涛",
  "明",
  "超",
  "秀兰",
  "霞",
  "平",
  "刚",
  "桂英",
  "华",
  "建国",
  "晓东",
  "思远",
  "雨涵",
  "子轩",
  "欣怡",
];
export const FIRST_EN = [
  "James",
  "Mary",
  "John",
  "Emma",
  "David",
  "Olivia",
  "Michael",
  "Sophia",
  "Daniel",
  "Chloe",
  "Thomas",
  "Grace",
  "Lucas",
  "Hannah",
  "Ryan",
  "Mia",
];
export const LAST_EN = [
  "Smith",
  "Brown",
  "Wilson",
  "Taylor",
  "Clark",
  "Walker",
  "Hall",
  "Young",
  "King",
  "Wright",
  "Lopez",
  "Hill",
  "Green",
  "Baker",
  "Adams",
  "Nelson",
];
export const CITIES_ZH = [
  "北京",
  "上海",
  "广州",
  "深圳",
  "成都",
  "重庆",
  "杭州",
  "西安",
  "昆明",
  "厦门",
  "武汉",
  "南京",
  "长沙",
  "青岛",
  "三亚",
  "乌鲁木齐",
];
export const CITIES_EN = [
  "Beijing",
  "Shanghai",
  "Guangzhou",
  "Shenzhen",
  "Chengdu",
  "Chongqing",
  "Hangzhou",
  "Xi'an",
  "Kunming",
  "Xiamen",
  "Singapore",
  "Bangkok",
  "Tokyo",
  "Sydney",
  "London",
  "Frankfurt",
];

/** Sentences customers write, combined at random so trigram search sees varied, realistic text. */
export const COMPLAINT_PHRASES_ZH = [
  "航班延误超过三个小时，地面工作人员没有任何解释，也没有安排餐食。",
  "托运的行李到达后发现拉杆损坏，外壳有明显裂痕，要求赔偿。",
  "行李至今未到，已经等了两天，里面有重要的药品。",
  "值机柜台排队时间过长，工作人员态度冷淡，差点误机。",
  "机上餐食与预订的特殊餐不符，孩子对花生过敏。",
  "退票手续费远高于购票时告知的标准，要求按规定退款。",
  "积分没有按时到账，客服电话一直打不通。",
  "航班取消后改签的航班又延误，整个行程被打乱，酒店也浪费了。",
  "乘务员服务态度很好，主动帮助老人安放行李，特此表扬。",
  "网站支付成功但没有出票，重复扣款两次。",
  "座位被无故调换，预付的靠窗座位没有了。",
  "轮椅服务没有按预约安排，老人在登机口等了四十分钟。",
  "机舱空调温度过低，向乘务员反映后没有处理。",
  "中转航班衔接时间太短，行李没有跟上。",
];
export const COMPLAINT_PHRASES_EN = [
  "The flight was delayed by more than three hours and nobody at the gate explained why or offered a meal.",
  "My checked suitcase arrived with a broken handle and a cracked shell; I expect compensation.",
  "My bag has still not arrived after two days and it contains medication I need.",
  "The queue at the check-in counter took over an hour and the staff were unhelpful.",
  "The special meal I booked was not loaded; my child has a peanut allergy.",
  "The refund fee is far higher than what I was told when I bought the ticket.",
  "My frequent-flyer miles were never credited and the hotline is always busy.",
  "After the cancellation the rebooked flight was delayed too and my hotel night was wasted.",
  "The cabin crew were wonderful with my elderly mother, thank you.",
  "The website charged my card twice but no ticket was issued.",
  "My prepaid window seat was changed without notice.",
  "The wheelchair service I booked never came; we waited forty minutes at the gate.",
];
export const NOTES_ZH = [
  "已联系运控中心核实航班动态及延误原因。",
  "已致电旅客，旅客情绪较激动，已做安抚并说明处理时限。",
  "已通过WorldTracer查询行李状态，等待中转站回复。",
  "需财务部确认退款进度，已发邮件跟进。",
  "已与地服值班经理沟通，调取当日监控及值机记录。",
  "已核对订单及支付流水，情况属实。",
];
export const REPLIES_ZH = [
  "您好，您的投诉已受理，我们正在向相关部门核实情况，会尽快给您答复。",
  "为便于核实，请提供您的登机牌照片或电子客票号。",
  "经核实，情况属实，我们已为您办理补偿，请注意查收。",
  "给您带来不便深表歉意，相关问题已反馈至责任部门整改。",
];
export const REPLIES_EN = [
  "Thank you for contacting us. We are checking the facts and will come back to you shortly.",
  "To verify the facts, please send a photo of your boarding pass or your e-ticket number.",
  "We have confirmed what happened and arranged compensation for you.",
  "We are sorry for the inconvenience; the department concerned has been asked to improve.",
];
