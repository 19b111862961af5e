// Shape of an industry template: the reference data an installation starts with (SPEC §10), keyed by stable codes
// so that applying a template twice updates rows instead of duplicating them.
import type {
  ChannelKind,
  ComplaintType,
  HolidayKind,
  Locale,
  Priority,
  Role,
  RootCauseKind,
  SlaClockKind,
} from "../../../lib/generated/prisma/enums";

export type IndustryCode = "airline" | "travel" | "enterprise";

export interface BilingualName {
  nameZh: string;
  nameEn: string;
}

export interface ChannelTemplate extends BilingualName {
  code: string;
  kind: ChannelKind;
  isRegulator?: boolean;
}

export interface RootCauseTemplate extends BilingualName {
  code: string;
  kind: RootCauseKind;
}

export interface CategoryTemplate extends BilingualName {
  code: string;
  subcategories: (BilingualName & { code: string })[];
  rootCauses: RootCauseTemplate[];
}

export interface SeverityTemplate extends BilingualName {
  code: string;
  rank: number;
  color: string;
  escalateOnCreate?: boolean;
}

export interface TierTemplate extends BilingualName {
  code: string;
  rank: number;
  escalateOnCreate?: boolean;
}

export interface TouchpointTemplate extends BilingualName {
  code: string;
}

/** Weekday ("0" = Sunday) → list of [start, end] "HH:MM" intervals, as stored in BusinessCalendar.workingHours. */
export type WorkingHours = Record<"0" | "1" | "2" | "3" | "4" | "5" | "6", [string, string][]>;

export interface HolidayTemplate {
  date: string; // YYYY-MM-DD in the calendar's time zone
  kind: HolidayKind;
  name: string;
}

export interface CalendarTemplate extends BilingualName {
  code: string;
  timeZone: string;
  is24x7: boolean;
  workingHours: WorkingHours;
  holidays: HolidayTemplate[];
}

export interface SlaPolicyTemplate extends BilingualName {
  code: string;
  rank: number;
  isDefault?: boolean;
  calendarCode: string;
  warnPercent: number;
  matchType?: ComplaintType;
  matchSeverityCode?: string;
  matchPriority?: Priority;
  matchTierCode?: string;
  matchChannelCode?: string;
  /** Business minutes on the policy's calendar, per clock. */
  targets: Partial<Record<SlaClockKind, number>>;
}

export interface ReplyTemplateTemplate extends BilingualName {
  code: string;
  categoryCode?: string;
  subjectZh: string;
  subjectEn: string;
  bodyZh: string;
  bodyEn: string;
}

export interface SurveyTextTemplate {
  locale: Locale;
  key: string;
  text: string;
}

export interface SurveyReasonTemplate extends BilingualName {
  code: string;
  categoryCode?: string;
}

/** JSON value accepted by Setting.value: objects, arrays and scalars only. */
export type SettingValue = string | number | boolean | SettingValue[] | { [key: string]: SettingValue };

/** A department or supplier that investigates complaints (issue 18); reply times in working days of its calendar. */
export interface DepartmentTemplate extends BilingualName {
  code: string;
  kind?: "internal" | "supplier";
  calendarCode: string;
  urgentDays?: number;
  normalDays?: number;
  investigationDays?: number;
  /** The escalation level (3 or 4) the department takes by default (issue 18 item 5). */
  escalationLevel?: 3 | 4;
}

/** A contingency plan the template starts with (lib/incidents/plan-schema.ts shapes its steps and rules). */
export interface IncidentPlanTemplate {
  code: string;
  type: string;
  level: "L1" | "L2" | "L3" | null;
  titleZh: string;
  titleEn: string;
  steps: { zh: string; en: string; role: string; targetMinutes: number | null }[];
  contacts: { role: string; name: string; phone: string }[];
  scriptZh: string;
  scriptEn: string;
  compensationRules: {
    condition: string;
    thresholdHours: number | null;
    kind: string;
    amount: number;
    currency: string;
  }[];
}

export interface IndustryTemplate {
  code: IndustryCode;
  nameZh: string;
  nameEn: string;
  channels: ChannelTemplate[];
  categories: CategoryTemplate[];
  severities: SeverityTemplate[];
  tiers: TierTemplate[];
  touchpoints: TouchpointTemplate[];
  calendars: CalendarTemplate[];
  departments: DepartmentTemplate[];
  slaPolicies: SlaPolicyTemplate[];
  approvalLimits: { role: Role; amount: number; currency: string }[];
  replyTemplates: ReplyTemplateTemplate[];
  surveyTexts: SurveyTextTemplate[];
  surveyReasons: SurveyReasonTemplate[];
  settings: Record<string, SettingValue>;
  incidentPlans: IncidentPlanTemplate[];
}
