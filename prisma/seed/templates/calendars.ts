// Business calendars shared by the templates: a 24×7 operations calendar and a Mon–Fri office calendar that knows
// Chinese public holidays and the adjusted working days (调休) that compensate for them.
import type { CalendarTemplate, HolidayTemplate, WorkingHours } from "./types";
import { BUSINESS_TIME_ZONE } from "../../../lib/time/zone";

const OFFICE_DAY: [string, string][] = [["09:00", "18:00"]];
const ALL_DAY: [string, string][] = [["00:00", "24:00"]];

const OFFICE_HOURS: WorkingHours = {
  "0": [],
  "1": OFFICE_DAY,
  "2": OFFICE_DAY,
  "3": OFFICE_DAY,
  "4": OFFICE_DAY,
  "5": OFFICE_DAY,
  "6": [],
};

const ROUND_THE_CLOCK: WorkingHours = {
  "0": ALL_DAY,
  "1": ALL_DAY,
  "2": ALL_DAY,
  "3": ALL_DAY,
  "4": ALL_DAY,
  "5": ALL_DAY,
  "6": ALL_DAY,
};

function daysOff(name: string, from: string, to: string): HolidayTemplate[] {
  const days: HolidayTemplate[] = [];
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let day = Date.parse(`${from}T00:00:00Z`); day <= end; day += 86_400_000) {
    days.push({ date: new Date(day).toISOString().slice(0, 10), kind: "holiday", name });
  }
  return days;
}

function workday(name: string, date: string): HolidayTemplate {
  return { date, kind: "workday", name: `${name}调休上班` };
}

// State Council notice of November 2025 (国办发明电〔2025〕7号).
const HOLIDAYS_2026: HolidayTemplate[] = [
  ...daysOff("元旦", "2026-01-01", "2026-01-03"),
  workday("元旦", "2026-01-04"),
  ...daysOff("春节", "2026-02-15", "2026-02-23"),
  workday("春节", "2026-02-14"),
  workday("春节", "2026-02-28"),
  ...daysOff("清明节", "2026-04-04", "2026-04-06"),
  ...daysOff("劳动节", "2026-05-01", "2026-05-05"),
  workday("劳动节", "2026-05-09"),
  ...daysOff("端午节", "2026-06-19", "2026-06-21"),
  ...daysOff("中秋节", "2026-09-25", "2026-09-27"),
  ...daysOff("国庆节", "2026-10-01", "2026-10-07"),
  workday("国庆节", "2026-09-20"),
  workday("国庆节", "2026-10-10"),
];

// Projected from the 2027 lunar calendar (Spring Festival 6 Feb, Dragon Boat 9 Jun, Mid-Autumn 15 Sep): the official
// notice appears late in 2026, and admins edit these rows on the calendar page when it does.
const HOLIDAYS_2027: HolidayTemplate[] = [
  ...daysOff("元旦", "2027-01-01", "2027-01-03"),
  ...daysOff("春节", "2027-02-05", "2027-02-13"),
  workday("春节", "2027-01-31"),
  workday("春节", "2027-02-20"),
  ...daysOff("清明节", "2027-04-03", "2027-04-05"),
  ...daysOff("劳动节", "2027-05-01", "2027-05-05"),
  workday("劳动节", "2027-05-08"),
  ...daysOff("端午节", "2027-06-09", "2027-06-09"),
  ...daysOff("中秋节", "2027-09-15", "2027-09-15"),
  ...daysOff("国庆节", "2027-10-01", "2027-10-07"),
  workday("国庆节", "2027-09-26"),
  workday("国庆节", "2027-10-09"),
];

export const CALENDAR_24X7: CalendarTemplate = {
  code: "24x7",
  nameZh: "全天候（7×24小时）",
  nameEn: "Round the clock (24×7)",
  timeZone: BUSINESS_TIME_ZONE,
  is24x7: true,
  workingHours: ROUND_THE_CLOCK,
  holidays: [],
};

export const CALENDAR_OFFICE: CalendarTemplate = {
  code: "office-cn",
  nameZh: "工作日 09:00–18:00（中国法定节假日）",
  nameEn: "Office hours Mon–Fri 09:00–18:00 (PRC holidays)",
  timeZone: BUSINESS_TIME_ZONE,
  is24x7: false,
  workingHours: OFFICE_HOURS,
  holidays: [...HOLIDAYS_2026, ...HOLIDAYS_2027],
};

/** One working day on the office calendar, in business minutes (09:00–18:00). */
export const OFFICE_DAY_MINUTES = 9 * 60;
