// Turns a scenario into one concrete complaint text: picks a route, flight, date and delay, and falls back to a
// generic text per subcategory when the installed template is not the airline one.
import type { ComplaintType, Locale } from "../../../lib/generated/prisma/enums";
import type { SeededRandom } from "./random";
import type { Reference } from "./reference";
import type { Gravity, Scenario } from "./scenario-types";
import { DISRUPTION_SCENARIOS } from "./scenarios-disruption";
import { SERVICE_SCENARIOS } from "./scenarios-service";

export const ROUTES = [
  { flight: "CA1501", from: ["北京首都", "Beijing Capital"], to: ["上海虹桥", "Shanghai Hongqiao"] },
  { flight: "CA1831", from: ["北京首都", "Beijing Capital"], to: ["上海浦东", "Shanghai Pudong"] },
  { flight: "CA1321", from: ["北京首都", "Beijing Capital"], to: ["广州白云", "Guangzhou Baiyun"] },
  { flight: "CA4113", from: ["成都天府", "Chengdu Tianfu"], to: ["北京首都", "Beijing Capital"] },
  { flight: "CA1303", from: ["北京首都", "Beijing Capital"], to: ["深圳宝安", "Shenzhen Bao'an"] },
  { flight: "CA1703", from: ["北京首都", "Beijing Capital"], to: ["杭州萧山", "Hangzhou Xiaoshan"] },
  { flight: "CA1857", from: ["上海浦东", "Shanghai Pudong"], to: ["北京首都", "Beijing Capital"] },
  { flight: "CA1405", from: ["北京首都", "Beijing Capital"], to: ["昆明长水", "Kunming Changshui"] },
  { flight: "CA929", from: ["上海浦东", "Shanghai Pudong"], to: ["东京成田", "Tokyo Narita"] },
  { flight: "CA931", from: ["北京首都", "Beijing Capital"], to: ["法兰克福", "Frankfurt"] },
  { flight: "CA937", from: ["北京首都", "Beijing Capital"], to: ["伦敦希思罗", "London Heathrow"] },
  { flight: "CA983", from: ["北京首都", "Beijing Capital"], to: ["洛杉矶", "Los Angeles"] },
] as const;

export type Route = (typeof ROUTES)[number];

const ALL_SCENARIOS = [...DISRUPTION_SCENARIOS, ...SERVICE_SCENARIOS];

export interface ComplaintStory {
  type: ComplaintType;
  gravity: Gravity;
  subcategoryId: number;
  categoryId: number;
  categoryCode: string;
  touchpointCode: string | undefined;
  subject: string;
  description: string;
  resolution: string;
  compensation: Scenario["compensation"];
  flightNumber: string | null;
  serviceDate: Date | null;
}

function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

function formatDate(date: Date, locale: Locale): string {
  return locale === "en"
    ? date.toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "Asia/Shanghai" })
    : `${date.toLocaleDateString("en-GB", { month: "numeric", timeZone: "Asia/Shanghai" })}月${date.toLocaleDateString("en-GB", { day: "numeric", timeZone: "Asia/Shanghai" })}日`;
}

interface StoryInput {
  random: SeededRandom;
  reference: Reference;
  locale: Locale;
  createdAt: Date;
  /** Forces the story onto one subcategory and route (incident complaints). */
  subcategoryCode?: string;
  route?: Route;
}

/** A complaint text for the installed template: airline scenarios where their subcategory exists, generic otherwise. */
export function tellStory({
  random,
  reference,
  locale,
  createdAt,
  subcategoryCode,
  route,
}: StoryInput): ComplaintStory {
  const installed = new Map(reference.subcategories.map((sub) => [sub.code, sub]));
  const candidates = ALL_SCENARIOS.filter(
    (scenario) => installed.has(scenario.subcategory) && (!subcategoryCode || scenario.subcategory === subcategoryCode),
  );
  const serviceDate = new Date(createdAt.getTime() - random.int(0, 4) * 86_400_000);
  if (candidates.length === 0) return genericStory(random, reference, locale, serviceDate);

  const scenario = random.weighted(candidates.map((candidate) => [candidate, candidate.weight] as const));
  const sub = installed.get(scenario.subcategory);
  if (!sub) throw new Error(`subcategory ${scenario.subcategory} vanished`);
  const chosenRoute = route ?? random.pick(ROUTES);
  const language = locale === "en" ? 1 : 0;
  const values = {
    flight: chosenRoute.flight,
    from: chosenRoute.from[language],
    to: chosenRoute.to[language],
    hours: String(random.int(2, 9)),
    date: formatDate(serviceDate, locale),
  };
  const text = locale === "en" ? scenario.en : scenario.zh;
  return {
    type: scenario.type,
    gravity: scenario.gravity,
    subcategoryId: sub.id,
    categoryId: sub.parentId,
    categoryCode: sub.parentCode,
    touchpointCode: scenario.touchpoint,
    subject: fill(text.subject, values),
    description: fill(text.description, values),
    resolution: fill(text.resolution, values),
    compensation: scenario.compensation,
    flightNumber: chosenRoute.flight,
    serviceDate,
  };
}

function genericStory(random: SeededRandom, reference: Reference, locale: Locale, serviceDate: Date): ComplaintStory {
  const sub = random.pick(reference.subcategories);
  const type = random.weighted<ComplaintType>([
    ["complaint", 85],
    ["inquiry", 8],
    ["suggestion", 4],
    ["praise", 3],
  ]);
  const orderNumber = `ORD${random.digits(10)}`;
  return {
    type,
    gravity: random.weighted<Gravity>([
      ["high", 15],
      ["medium", 45],
      ["low", 40],
    ]),
    subcategoryId: sub.id,
    categoryId: sub.parentId,
    categoryCode: sub.parentCode,
    touchpointCode: undefined,
    subject:
      locale === "en"
        ? `Complaint about ${sub.nameEn.toLowerCase()} (order ${orderNumber})`
        : `关于“${sub.nameZh}”的投诉（订单${orderNumber}）`,
    description:
      locale === "en"
        ? `I am writing about ${sub.nameEn.toLowerCase()} on order ${orderNumber}. The problem has not been solved despite several calls, and I expect a clear answer and a fair remedy.`
        : `关于订单${orderNumber}的“${sub.nameZh}”问题，我已多次联系仍未得到解决，希望尽快给出明确答复和合理的处理方案。`,
    resolution:
      locale === "en"
        ? "Facts verified with the department concerned; remedy agreed with the customer."
        : "已与相关部门核实情况，并与客户协商确定处理方案。",
    compensation: type === "complaint" && random.chance(0.3) ? { kind: "refund", min: 100, max: 2000 } : undefined,
    flightNumber: null,
    serviceDate,
  };
}
