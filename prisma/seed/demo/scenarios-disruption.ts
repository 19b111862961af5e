// Demo scenarios for the highest-volume airline categories: disruption, baggage and ticketing.
import type { Scenario } from "./scenario-types";

export const DISRUPTION_SCENARIOS: Scenario[] = [
  {
    subcategory: "FLT-DELAY",
    touchpoint: "pre-flight",
    type: "complaint",
    gravity: "medium",
    weight: 14,
    zh: {
      subject: "航班{flight}延误{hours}小时，没有任何通知",
      description:
        "我乘坐{date}的{flight}航班从{from}飞往{to}，航班延误了{hours}小时，期间没有收到任何短信或广播通知，登机口工作人员也说不清原因。老人和孩子在候机楼等了一整晚，餐食也没有安排。请给出合理解释和补偿。",
      resolution: "经核实延误系航路流量控制所致，已向旅客致歉并按不正常航班规定给予补偿，延误通知流程已提交改进。",
    },
    en: {
      subject: "Flight {flight} delayed {hours} hours with no notice",
      description:
        "I was booked on {flight} from {from} to {to} on {date}. The flight was delayed by {hours} hours and nobody sent a text or made an announcement; gate staff could not explain the reason. We waited all evening without any meal vouchers. I expect an explanation and compensation.",
      resolution:
        "Delay was caused by air traffic flow control. We apologised, paid compensation under the irregular-operations policy and raised the missing notification with operations.",
    },
    compensation: { kind: "cash", min: 200, max: 400 },
  },
  {
    subcategory: "FLT-DELAY",
    touchpoint: "pre-flight",
    type: "complaint",
    gravity: "high",
    weight: 5,
    zh: {
      subject: "{flight}延误导致错过国际中转航班",
      description:
        "{flight}航班（{from}—{to}）延误{hours}小时，导致我错过了后续的国际中转航班，只能自费改签并在当地住了一晚。地面服务人员拒绝提供住宿，要求承担酒店和改签费用。",
      resolution: "确认延误由我司机械原因造成，已报销旅客酒店及改签费用，并补偿里程。",
    },
    en: {
      subject: "Missed my international connection because {flight} was late",
      description:
        "{flight} from {from} to {to} was {hours} hours late and I missed my international connection. I had to rebook at my own cost and stay overnight; ground staff refused to arrange a hotel. Please reimburse the hotel and the change fee.",
      resolution:
        "Delay was due to a technical issue on our aircraft; hotel and rebooking costs reimbursed and bonus miles credited.",
    },
    compensation: { kind: "meal_hotel", min: 400, max: 1200 },
  },
  {
    subcategory: "FLT-CANCEL",
    touchpoint: "pre-flight",
    type: "complaint",
    gravity: "high",
    weight: 8,
    zh: {
      subject: "{flight}航班临时取消，改签安排混乱",
      description:
        "{date}的{flight}航班在起飞前两小时被取消，柜台只给出第二天晚上的航班，电话客服一直占线。我第二天上午在{to}有重要会议，希望尽快安排最早的航班或全额退款。",
      resolution: "已协助旅客改签至次日最早航班并提供酒店，免收改签费，另给予代金券补偿。",
    },
    en: {
      subject: "{flight} cancelled at short notice, rebooking was chaotic",
      description:
        "{flight} on {date} was cancelled two hours before departure. The counter only offered a flight the next evening and the hotline was busy for hours. I had an important meeting in {to} the next morning. Please rebook me on the earliest flight or refund in full.",
      resolution:
        "Rebooked on the earliest flight next morning with hotel accommodation, change fee waived and a travel voucher issued.",
    },
    compensation: { kind: "voucher", min: 300, max: 800 },
  },
  {
    subcategory: "FLT-INFO",
    touchpoint: "pre-flight",
    type: "complaint",
    gravity: "low",
    weight: 4,
    zh: {
      subject: "航班变动短信发送太晚",
      description: "{flight}航班时刻提前了一小时，我在出发当天早上才收到短信，差点误机。希望改进航班变动通知的及时性。",
      resolution: "核实系统推送延迟，已向旅客致歉并反馈信息部门优化推送时效。",
    },
    en: {
      subject: "Schedule change text arrived far too late",
      description:
        "{flight} was moved one hour earlier and I only got the text on the morning of departure. I nearly missed the flight. Please send schedule changes in time.",
      resolution: "Push delay confirmed in the notification system; apologised and reported to IT for a fix.",
    },
  },
  {
    subcategory: "BAG-LOST",
    touchpoint: "post-flight",
    type: "complaint",
    gravity: "high",
    weight: 6,
    zh: {
      subject: "托运行李丢失，至今没有下落",
      description:
        "我{date}乘坐{flight}从{from}到{to}，托运的一只黑色行李箱没有到达。已在到达站办理了行李运输事故记录，但五天过去了查询系统一直显示“查找中”，箱内有药品和工作文件，非常着急。",
      resolution: "行李经全球查询系统定位于中转站，已送达旅客住址；按规定赔偿临时生活用品费用。",
    },
    en: {
      subject: "Checked bag lost and still missing",
      description:
        'I flew {flight} from {from} to {to} on {date}; my black suitcase never arrived. I filed a property irregularity report at arrival, but after five days the tracing system still says "searching". It contains medication and work documents.',
      resolution:
        "Bag located at the transfer station via world tracing and delivered to the customer; interim expenses reimbursed.",
    },
    compensation: { kind: "cash", min: 500, max: 3000 },
  },
  {
    subcategory: "BAG-DAMAGED",
    touchpoint: "post-flight",
    type: "complaint",
    gravity: "medium",
    weight: 6,
    zh: {
      subject: "行李箱轮子被摔坏",
      description:
        "乘坐{flight}到达{to}后发现行李箱一个轮子断裂、拉杆变形，明显是装卸时暴力操作造成的。已拍照留证，要求赔偿维修或更换费用。",
      resolution: "根据照片和维修报价，已向旅客支付行李破损赔偿。",
    },
    en: {
      subject: "Suitcase wheel broken on arrival",
      description:
        "After {flight} landed in {to} I found one wheel snapped off and the handle bent: clearly rough handling. I have photos and want the repair or replacement paid.",
      resolution: "Paid the repair cost based on the customer's photos and quote.",
    },
    compensation: { kind: "cash", min: 150, max: 800 },
  },
  {
    subcategory: "BAG-DELAYED",
    touchpoint: "post-flight",
    type: "complaint",
    gravity: "medium",
    weight: 5,
    zh: {
      subject: "行李未随机到达，晚了两天才送到",
      description:
        "{flight}（{from}—{to}）到达后行李没有出来，两天后才送到酒店。期间我不得不购买换洗衣物和洗漱用品，请报销相关费用。",
      resolution: "确认行李因中转衔接时间不足未能装机，已报销旅客必需品费用。",
    },
    en: {
      subject: "Bag arrived two days after me",
      description:
        "My bag did not come off {flight} ({from}–{to}) and was delivered to my hotel two days later. I had to buy clothes and toiletries and would like those costs reimbursed.",
      resolution: "Bag missed a short transfer connection; essential purchases reimbursed.",
    },
    compensation: { kind: "cash", min: 100, max: 600 },
  },
  {
    subcategory: "BAG-PILFER",
    touchpoint: "post-flight",
    type: "complaint",
    gravity: "high",
    weight: 2,
    zh: {
      subject: "托运行李内物品丢失",
      description: "{flight}航班到达后发现行李箱锁被撬开，箱内一台相机不见了。要求彻查并赔偿。",
      resolution: "已联合机场公安调查，按托运行李赔偿限额给予赔偿。",
    },
    en: {
      subject: "Items stolen from my checked bag",
      description:
        "After {flight} I found the lock of my suitcase forced and a camera missing. Please investigate and compensate.",
      resolution: "Investigated with airport police; compensated up to the checked-baggage liability limit.",
    },
    compensation: { kind: "cash", min: 800, max: 3000 },
  },
  {
    subcategory: "BAG-FEE",
    touchpoint: "pre-flight",
    type: "inquiry",
    gravity: "low",
    weight: 3,
    zh: {
      subject: "咨询国际航线免费行李额",
      description: "下月乘坐{flight}从{from}飞{to}，经济舱可以免费托运几件行李？超重如何收费？",
      resolution: "已告知旅客该航线经济舱免费行李额为2件各23公斤及逾重收费标准。",
    },
    en: {
      subject: "Question about free baggage allowance",
      description:
        "I fly {flight} from {from} to {to} next month in economy. How many bags can I check for free and what does excess weight cost?",
      resolution: "Explained the allowance (2 pieces of 23 kg) and the excess baggage rates.",
    },
  },
  {
    subcategory: "TKT-REFUND",
    touchpoint: "post-travel",
    type: "complaint",
    gravity: "medium",
    weight: 8,
    zh: {
      subject: "退票一个月仍未收到退款",
      description:
        "我在官网为{date}的{flight}航班办理了退票，系统显示退票成功，但一个多月过去了退款仍未到账，多次拨打客服电话都说在处理中。",
      resolution: "查明退款因支付渠道对账异常滞留，已人工处理退款并致歉。",
    },
    en: {
      subject: "Refund still not received after a month",
      description:
        "I cancelled my ticket for {flight} on {date} on your website and it said the refund was successful, but more than a month later no money has arrived. The hotline keeps saying it is being processed.",
      resolution: "Refund was stuck in a payment reconciliation error; processed manually and apologised.",
    },
    compensation: { kind: "refund", min: 600, max: 4500 },
  },
  {
    subcategory: "TKT-CHANGE",
    touchpoint: "pre-travel",
    type: "complaint",
    gravity: "low",
    weight: 4,
    zh: {
      subject: "改签手续费收取不合理",
      description: "因航班时刻调整我申请改签，却被收取了改签费。航班变动是航空公司造成的，不应该由旅客承担费用。",
      resolution: "核实属航班计划变更，已退还改签手续费。",
    },
    en: {
      subject: "Charged a change fee for your schedule change",
      description:
        "You changed the schedule of my flight, I asked to move to another flight and was charged a change fee. The change was yours, so I should not pay.",
      resolution: "Confirmed an involuntary change; the fee was refunded.",
    },
    compensation: { kind: "refund", min: 100, max: 500 },
  },
  {
    subcategory: "TKT-OVERBOOK",
    touchpoint: "pre-flight",
    type: "complaint",
    gravity: "high",
    weight: 2,
    zh: {
      subject: "航班超售被拒绝登机",
      description: "{date}我准时到达值机柜台，却被告知{flight}航班超售无法登机，工作人员态度冷淡，只给了第二天的航班。",
      resolution: "按超售补偿标准给予现金补偿并升舱安排次日航班。",
    },
    en: {
      subject: "Denied boarding because the flight was overbooked",
      description:
        "I checked in on time on {date} but was told {flight} was overbooked. Staff were dismissive and only offered a flight the next day.",
      resolution: "Paid denied-boarding compensation and upgraded the customer on the next-day flight.",
    },
    compensation: { kind: "cash", min: 800, max: 2000 },
  },
];
