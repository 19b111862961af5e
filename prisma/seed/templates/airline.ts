// Airline industry template (handbooks 000/003): CAAC 12326 as regulator, four-colour severities, four FFP tiers,
// and the SLA numbers of SPEC §4.
import { AIRLINE_DEPARTMENTS } from "./departments";
import { AIRLINE_PLANS } from "./incident-plans";
import { AIRLINE_CATEGORIES } from "./airline-categories";
import { AIRLINE_REPLIES } from "./airline-replies";
import { CALENDAR_24X7, CALENDAR_OFFICE, OFFICE_DAY_MINUTES } from "./calendars";
import { APPROVAL_LIMITS, DIRECT_CHANNELS, GENERAL_SURVEY_REASONS, SURVEY_TEXTS, defaultSettings } from "./shared";
import type { IndustryTemplate } from "./types";

const HOUR = 60;
/**
 * "A written reply within 7 working days at the latest" (SPEC §4) applies to every complaint. On the 24×7 calendars
 * seven working days are nine calendar days (they always span one weekend); across public holidays that is stricter
 * than the handbook. The letter policy runs on the office calendar and counts real working days.
 */
const WRITTEN_REPLY_24X7 = 9 * 24 * HOUR;

export const airlineTemplate: IndustryTemplate = {
  code: "airline",
  nameZh: "航空公司",
  nameEn: "Airline",
  channels: [
    ...DIRECT_CHANNELS,
    { code: "caac-12326", kind: "regulator", nameZh: "民航局12326", nameEn: "CAAC 12326 hotline", isRegulator: true },
    { code: "ota", kind: "ota", nameZh: "代理人/OTA平台", nameEn: "Travel agent / OTA" },
  ],
  categories: AIRLINE_CATEGORIES,
  severities: [
    { code: "critical", nameZh: "紧急", nameEn: "Critical", rank: 1, color: "purple", escalateOnCreate: true },
    { code: "red", nameZh: "严重", nameEn: "Red (severe)", rank: 2, color: "red" },
    { code: "yellow", nameZh: "一般", nameEn: "Yellow (general)", rank: 3, color: "amber" },
    { code: "green", nameZh: "轻微", nameEn: "Green (routine)", rank: 4, color: "green" },
  ],
  tiers: [
    { code: "platinum", nameZh: "白金卡", nameEn: "Platinum", rank: 1, escalateOnCreate: true },
    { code: "gold", nameZh: "金卡", nameEn: "Gold", rank: 2 },
    { code: "silver", nameZh: "银卡", nameEn: "Silver", rank: 3 },
    { code: "ordinary", nameZh: "普通会员", nameEn: "Ordinary", rank: 4 },
  ],
  touchpoints: [
    { code: "pre-travel", nameZh: "行前（购票）", nameEn: "Pre-travel (booking)" },
    { code: "pre-flight", nameZh: "乘机前（值机、安检、候机）", nameEn: "Pre-flight (check-in, security, gate)" },
    { code: "in-flight", nameZh: "机上", nameEn: "In-flight" },
    { code: "post-flight", nameZh: "到达后（行李、中转）", nameEn: "Post-flight (baggage, transfer)" },
    { code: "post-travel", nameZh: "行程后（退款、里程）", nameEn: "Post-travel (refunds, miles)" },
  ],
  calendars: [CALENDAR_24X7, CALENDAR_OFFICE],
  departments: AIRLINE_DEPARTMENTS,
  incidentPlans: AIRLINE_PLANS,
  // Most specific policy wins, then rank: emergencies (type + severity) outrank the channel-specific complaint
  // policies.
  slaPolicies: [
    {
      code: "airline-critical",
      nameZh: "紧急事件（1小时响应）",
      nameEn: "Critical emergencies (1 h response)",
      rank: 10,
      calendarCode: CALENDAR_24X7.code,
      warnPercent: 75,
      matchType: "complaint",
      matchSeverityCode: "critical",
      targets: {
        acknowledge: 10,
        first_response: HOUR,
        next_update: 4 * HOUR,
        resolution: 24 * HOUR,
        written_reply: WRITTEN_REPLY_24X7,
      },
    },
    {
      code: "airline-red",
      nameZh: "严重投诉（立即处理）",
      nameEn: "Red complaints (handled immediately)",
      rank: 20,
      calendarCode: CALENDAR_24X7.code,
      warnPercent: 75,
      matchType: "complaint",
      matchSeverityCode: "red",
      targets: {
        acknowledge: 10,
        first_response: HOUR,
        next_update: 24 * HOUR,
        resolution: 24 * HOUR,
        written_reply: WRITTEN_REPLY_24X7,
      },
    },
    // Three-colour rule: yellow (general) is handled within 24 h. Phone and counter complaints keep their 10-minute
    // acknowledgement, so they get a yellow policy of their own (more specific: type + severity + channel).
    {
      code: "airline-yellow-phone",
      nameZh: "一般（黄色）电话投诉（10分钟受理，24小时处理）",
      nameEn: "Yellow phone complaints (10 min acknowledgement, 24 h)",
      rank: 25,
      calendarCode: CALENDAR_24X7.code,
      warnPercent: 75,
      matchType: "complaint",
      matchSeverityCode: "yellow",
      matchChannelCode: "phone",
      targets: {
        acknowledge: 10,
        first_response: HOUR,
        next_update: 24 * HOUR,
        resolution: 24 * HOUR,
        written_reply: WRITTEN_REPLY_24X7,
      },
    },
    {
      code: "airline-yellow-counter",
      nameZh: "一般（黄色）柜台投诉（10分钟受理，24小时处理）",
      nameEn: "Yellow counter complaints (10 min acknowledgement, 24 h)",
      rank: 25,
      calendarCode: CALENDAR_24X7.code,
      warnPercent: 75,
      matchType: "complaint",
      matchSeverityCode: "yellow",
      matchChannelCode: "counter",
      targets: {
        acknowledge: 10,
        first_response: HOUR,
        next_update: 24 * HOUR,
        resolution: 24 * HOUR,
        written_reply: WRITTEN_REPLY_24X7,
      },
    },
    {
      code: "airline-yellow",
      nameZh: "一般（黄色）投诉（24小时处理）",
      nameEn: "Yellow (general) complaints (handled within 24 h)",
      rank: 30,
      calendarCode: CALENDAR_24X7.code,
      warnPercent: 75,
      matchType: "complaint",
      matchSeverityCode: "yellow",
      targets: {
        first_response: HOUR,
        next_update: 24 * HOUR,
        resolution: 24 * HOUR,
        written_reply: WRITTEN_REPLY_24X7,
      },
    },
    {
      code: "airline-phone",
      nameZh: "电话投诉（10分钟受理）",
      nameEn: "Phone complaints (10 min acknowledgement)",
      rank: 40,
      calendarCode: CALENDAR_24X7.code,
      warnPercent: 75,
      matchType: "complaint",
      matchChannelCode: "phone",
      targets: {
        acknowledge: 10,
        first_response: HOUR,
        next_update: 48 * HOUR,
        resolution: 48 * HOUR,
        written_reply: WRITTEN_REPLY_24X7,
      },
    },
    {
      code: "airline-counter",
      nameZh: "柜台投诉（10分钟受理）",
      nameEn: "Counter complaints (10 min acknowledgement)",
      rank: 40,
      calendarCode: CALENDAR_24X7.code,
      warnPercent: 75,
      matchType: "complaint",
      matchChannelCode: "counter",
      targets: {
        acknowledge: 10,
        first_response: HOUR,
        next_update: 48 * HOUR,
        resolution: 48 * HOUR,
        written_reply: WRITTEN_REPLY_24X7,
      },
    },
    {
      code: "airline-letter",
      nameZh: "信函投诉（7个工作日书面答复）",
      nameEn: "Letters (written reply within 7 working days)",
      rank: 40,
      calendarCode: CALENDAR_OFFICE.code,
      warnPercent: 75,
      matchType: "complaint",
      matchChannelCode: "letter",
      targets: {
        first_response: OFFICE_DAY_MINUTES,
        next_update: 3 * OFFICE_DAY_MINUTES,
        written_reply: 7 * OFFICE_DAY_MINUTES,
        resolution: 7 * OFFICE_DAY_MINUTES,
      },
    },
    {
      code: "airline-complaint",
      nameZh: "一般投诉（1小时响应，48小时解决）",
      nameEn: "Complaints (1 h response, 48 h resolution)",
      rank: 50,
      calendarCode: CALENDAR_24X7.code,
      warnPercent: 75,
      matchType: "complaint",
      targets: {
        first_response: HOUR,
        next_update: 48 * HOUR,
        resolution: 48 * HOUR,
        written_reply: WRITTEN_REPLY_24X7,
      },
    },
    {
      code: "airline-inquiry",
      nameZh: "咨询（24小时响应，72小时答复）",
      nameEn: "Inquiries (24 h response, 72 h answer)",
      rank: 50,
      calendarCode: CALENDAR_24X7.code,
      warnPercent: 75,
      matchType: "inquiry",
      targets: { first_response: 24 * HOUR, resolution: 72 * HOUR },
    },
    {
      code: "airline-default",
      nameZh: "默认（建议、表扬等）",
      nameEn: "Default (suggestions, praise, other)",
      rank: 1000,
      isDefault: true,
      calendarCode: CALENDAR_24X7.code,
      warnPercent: 75,
      targets: { first_response: 24 * HOUR, resolution: 72 * HOUR },
    },
  ],
  approvalLimits: APPROVAL_LIMITS,
  replyTemplates: AIRLINE_REPLIES,
  surveyTexts: SURVEY_TEXTS,
  surveyReasons: [
    ...GENERAL_SURVEY_REASONS,
    { code: "delay-info", categoryCode: "FLT", nameZh: "延误信息不及时", nameEn: "Late delay information" },
    { code: "bag-not-found", categoryCode: "BAG", nameZh: "行李仍未找到", nameEn: "Bag still not found" },
    { code: "refund-slow", categoryCode: "TKT", nameZh: "退款太慢", nameEn: "Refund too slow" },
  ],
  settings: defaultSettings({
    industry: "airline",
    csatTarget: 85,
    frtHours: 1, // first response 1 h, resolution and feedback 48 h
    resolutionHours: 48,
    valueScoreWeights: { frequency: 30, mileage: 30, cabin: 40 },
  }),
};
