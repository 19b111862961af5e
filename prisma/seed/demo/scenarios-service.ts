// Demo scenarios for service-quality categories: airport, cabin, staff, loyalty, assistance, digital, safety.
import type { Scenario } from "./scenario-types";

export const SERVICE_SCENARIOS: Scenario[] = [
  {
    subcategory: "CHK-QUEUE",
    touchpoint: "pre-flight",
    type: "complaint",
    gravity: "low",
    weight: 4,
    zh: {
      subject: "{from}机场值机排队超过一小时",
      description: "{date}在{from}机场值机，只开了两个柜台，排队一个多小时，差点误机，也没有工作人员疏导。",
      resolution: "已反馈地服部门高峰时段增开柜台，并向旅客致歉。",
    },
    en: {
      subject: "Over an hour in the check-in queue at {from}",
      description:
        "On {date} only two check-in counters were open at {from}. I queued for over an hour and nearly missed {flight}; nobody managed the queue.",
      resolution: "Ground services will open extra counters at peak times; apologised to the customer.",
    },
  },
  {
    subcategory: "CHK-SEAT",
    touchpoint: "pre-flight",
    type: "complaint",
    gravity: "low",
    weight: 3,
    zh: {
      subject: "付费选座后座位被更换",
      description: "我提前付费选择了{flight}的靠过道座位，值机时却被换到中间座位，也没有任何说明。要求退还选座费。",
      resolution: "因机型更换导致座位变动，已退还选座费用。",
    },
    en: {
      subject: "Paid seat changed without explanation",
      description:
        "I paid for an aisle seat on {flight} but at check-in I was moved to a middle seat without explanation. Please refund the seat fee.",
      resolution: "Seat moved because of an aircraft swap; seat fee refunded.",
    },
    compensation: { kind: "refund", min: 50, max: 200 },
  },
  {
    subcategory: "CHK-GATE",
    touchpoint: "pre-flight",
    type: "complaint",
    gravity: "low",
    weight: 2,
    zh: {
      subject: "登机口变更没有广播",
      description: "{flight}登机口临时变更，但候机区没有广播，我在原登机口等待，最后一路跑过去才赶上。",
      resolution: "已提醒机场广播及登机口变更推送流程。",
    },
    en: {
      subject: "Gate change was never announced",
      description:
        "The gate for {flight} changed but there was no announcement; I waited at the old gate and had to run to make it.",
      resolution: "Raised with the airport and our gate-change notification process.",
    },
  },
  {
    subcategory: "INF-MEAL",
    touchpoint: "in-flight",
    type: "complaint",
    gravity: "low",
    weight: 3,
    zh: {
      subject: "预订的特殊餐食没有配送",
      description: "我提前预订了{flight}的素食餐，但机上乘务员说没有收到，只能饿着肚子飞了三个多小时。",
      resolution: "配餐单遗漏特殊餐，已向旅客致歉并赠送里程。",
    },
    en: {
      subject: "My pre-ordered special meal was missing",
      description:
        "I ordered a vegetarian meal on {flight} in advance, but the crew said it had not been loaded and I went hungry for over three hours.",
      resolution: "Special meal was missing from the catering order; apologised and credited bonus miles.",
    },
    compensation: { kind: "miles", min: 1000, max: 3000 },
  },
  {
    subcategory: "INF-MEAL",
    touchpoint: "in-flight",
    type: "suggestion",
    gravity: "low",
    weight: 2,
    zh: {
      subject: "建议增加清真和素食餐选择",
      description: "经常乘坐{from}—{to}航线，建议在经济舱增加清真和素食餐食选择，并在App中可以提前预订。",
      resolution: "建议已转交产品部门评估。",
    },
    en: {
      subject: "Suggestion: more halal and vegetarian options",
      description:
        "I often fly {from}–{to}. Please offer halal and vegetarian meals in economy and let us pre-order them in the app.",
      resolution: "Suggestion passed to the product team.",
    },
  },
  {
    subcategory: "INF-CABIN",
    touchpoint: "in-flight",
    type: "complaint",
    gravity: "low",
    weight: 3,
    zh: {
      subject: "客舱座椅损坏且卫生差",
      description: "{flight}航班上我的座椅靠背无法调节，小桌板上有污渍，洗手间也很脏。",
      resolution: "已通知机务和客舱清洁部门整改，并向旅客致歉。",
    },
    en: {
      subject: "Broken seat and dirty cabin",
      description: "On {flight} my seat would not recline, the tray table was stained and the lavatory was dirty.",
      resolution: "Engineering and cabin cleaning notified; apologised to the customer.",
    },
  },
  {
    subcategory: "INF-IFE",
    touchpoint: "in-flight",
    type: "complaint",
    gravity: "low",
    weight: 2,
    zh: {
      subject: "购买了机上Wi-Fi但无法使用",
      description: "在{flight}上购买了Wi-Fi套餐，整个航程都连接不上，要求退款。",
      resolution: "确认设备故障，已退还Wi-Fi费用。",
    },
    en: {
      subject: "Paid for Wi-Fi that never worked",
      description: "I bought a Wi-Fi package on {flight} but could not connect for the whole flight. Please refund it.",
      resolution: "Equipment fault confirmed; Wi-Fi fee refunded.",
    },
    compensation: { kind: "refund", min: 30, max: 120 },
  },
  {
    subcategory: "STF-GROUND",
    touchpoint: "pre-flight",
    type: "complaint",
    gravity: "medium",
    weight: 4,
    zh: {
      subject: "值机柜台工作人员态度恶劣",
      description: "{date}在{from}机场值机时，工作人员对我的行李超重问题态度非常不耐烦，当众大声呵斥，令人难堪。",
      resolution: "经调查属实，已对当事员工进行批评教育和服务培训，并向旅客致歉。",
    },
    en: {
      subject: "Rude check-in agent",
      description:
        "At check-in in {from} on {date} the agent was impatient about my overweight bag and shouted at me in front of other passengers.",
      resolution: "Complaint upheld; the employee was counselled and retrained, and we apologised.",
    },
  },
  {
    subcategory: "STF-CREW",
    touchpoint: "in-flight",
    type: "praise",
    gravity: "low",
    weight: 3,
    zh: {
      subject: "表扬{flight}航班乘务组",
      description: "{flight}航班上我的孩子突发高烧，乘务长和乘务员非常细心地照顾，还广播找到了医生。特此表扬！",
      resolution: "表扬已转达乘务组及所在部门。",
    },
    en: {
      subject: "Praise for the crew of {flight}",
      description:
        "My child developed a fever on {flight}. The purser and crew looked after us wonderfully and found a doctor on board. Thank you!",
      resolution: "Praise passed on to the crew and their base.",
    },
  },
  {
    subcategory: "STF-CALL",
    touchpoint: "post-travel",
    type: "complaint",
    gravity: "low",
    weight: 3,
    zh: {
      subject: "客服热线等待时间太长",
      description: "拨打客服热线等待了40分钟才接通，接通后又被转了三次，问题仍未解决。",
      resolution: "已向旅客致歉，并反馈呼叫中心优化排班。",
    },
    en: {
      subject: "Waited 40 minutes on the hotline",
      description:
        "I waited 40 minutes for the hotline to answer, then was transferred three times and my problem is still not solved.",
      resolution: "Apologised; call-centre staffing under review.",
    },
  },
  {
    subcategory: "FFP-MILES",
    touchpoint: "post-travel",
    type: "complaint",
    gravity: "low",
    weight: 5,
    zh: {
      subject: "{flight}航班里程没有累积",
      description: "我{date}乘坐{flight}，登机时已出示会员卡，但至今里程没有入账，申请补登。",
      resolution: "已为旅客补登里程。",
    },
    en: {
      subject: "Miles for {flight} not credited",
      description:
        "I flew {flight} on {date} and gave my membership number at check-in, but the miles never arrived. Please credit them.",
      resolution: "Missing miles credited.",
    },
    compensation: { kind: "miles", min: 500, max: 2000 },
  },
  {
    subcategory: "FFP-REDEEM",
    touchpoint: "pre-travel",
    type: "inquiry",
    gravity: "low",
    weight: 2,
    zh: {
      subject: "咨询里程兑换机票规则",
      description: "我想用里程兑换{from}到{to}的机票，请问需要多少里程，可以为家人兑换吗？",
      resolution: "已告知兑换标准及受益人规则。",
    },
    en: {
      subject: "How do award tickets work?",
      description:
        "I want to redeem miles for a ticket from {from} to {to}. How many miles do I need, and can I book for family members?",
      resolution: "Explained award rates and nominee rules.",
    },
  },
  {
    subcategory: "FFP-TIER",
    touchpoint: "post-travel",
    type: "complaint",
    gravity: "medium",
    weight: 2,
    zh: {
      subject: "会员等级被错误降级",
      description: "我的定级航段已经达标，但系统把我的金卡降为银卡，影响了我的贵宾休息室使用。",
      resolution: "系统定级计算错误，已恢复会员等级。",
    },
    en: {
      subject: "Tier status wrongly downgraded",
      description: "I met the qualifying segments, yet my Gold card was downgraded to Silver and I lost lounge access.",
      resolution: "Tier calculation error corrected and status restored.",
    },
  },
  {
    subcategory: "SPA-WCHR",
    touchpoint: "pre-flight",
    type: "complaint",
    gravity: "high",
    weight: 2,
    zh: {
      subject: "预订的轮椅服务没有安排",
      description: "我母亲行动不便，购票时已申请轮椅服务，但到达{from}机场后没有任何人接待，只能自己慢慢走到登机口。",
      resolution: "确认服务申请未传递至机场，已致歉并完善交接流程。",
    },
    en: {
      subject: "Booked wheelchair assistance never came",
      description:
        "My mother has limited mobility and we booked wheelchair assistance, but nobody met us at {from} and she had to walk to the gate.",
      resolution: "Request was not passed to the airport; apologised and fixed the hand-over process.",
    },
  },
  {
    subcategory: "SPA-UMNR",
    touchpoint: "post-flight",
    type: "complaint",
    gravity: "high",
    weight: 1,
    zh: {
      subject: "无成人陪伴儿童交接延误",
      description: "我女儿办理了无成人陪伴儿童服务，到达{to}后工作人员迟到40分钟才将孩子交给我们，期间联系不上任何人。",
      resolution: "已调查交接延误原因并致歉，加强到达站交接管理。",
    },
    en: {
      subject: "Unaccompanied minor handed over 40 minutes late",
      description:
        "My daughter travelled as an unaccompanied minor. At {to} staff handed her over 40 minutes late and we could not reach anyone.",
      resolution: "Investigated the delay, apologised, and tightened the arrival hand-over.",
    },
  },
  {
    subcategory: "WEB-PAYMENT",
    touchpoint: "pre-travel",
    type: "complaint",
    gravity: "medium",
    weight: 3,
    zh: {
      subject: "App支付扣款成功但未出票",
      description: "在App上购买{flight}机票，银行卡已扣款，但订单显示支付失败，也没有出票。",
      resolution: "确认支付回调异常，已为旅客出票。",
    },
    en: {
      subject: "Charged in the app but no ticket issued",
      description:
        "I bought a ticket for {flight} in the app. My card was charged but the order says payment failed and no ticket was issued.",
      resolution: "Payment callback failure confirmed; ticket issued.",
    },
  },
  {
    subcategory: "WEB-CHECKIN",
    touchpoint: "pre-flight",
    type: "complaint",
    gravity: "low",
    weight: 2,
    zh: {
      subject: "网上值机无法选座",
      description: "官网值机页面一直报错，无法为{flight}选座和打印登机牌。",
      resolution: "系统缺陷已修复并告知旅客。",
    },
    en: {
      subject: "Online check-in keeps failing",
      description:
        "The web check-in page keeps showing an error and I cannot pick a seat or print my boarding pass for {flight}.",
      resolution: "Defect fixed; customer informed.",
    },
  },
  {
    subcategory: "SAF-ONBOARD",
    touchpoint: "in-flight",
    type: "complaint",
    gravity: "high",
    weight: 1,
    zh: {
      subject: "颠簸时行李架打开物品掉落",
      description: "{flight}航班遇到颠簸时行李架突然打开，箱子掉落砸到邻座旅客，乘务员处理不及时。",
      resolution: "已报安全管理部门调查，并慰问受影响旅客。",
    },
    en: {
      subject: "Overhead bin opened in turbulence",
      description:
        "During turbulence on {flight} an overhead bin opened and a case fell on the passenger next to me; the crew reacted slowly.",
      resolution: "Reported to the safety department for investigation; affected passengers contacted.",
    },
  },
];
