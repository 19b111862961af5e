// The queue's state lives in the URL (shareable links): how a parsed filter becomes search params and back.
// Client components import this module: it must not import zod (the parsing is in parse-queue-params.ts).
import type { QueueFilter } from "@/lib/complaints/schema";

export type RawSearchParams = Record<string, string | string[] | undefined>;

/** The filter keys shown as controls, in the order of the filter bar. */
export const FILTER_KEYS = [
  "status",
  "severity",
  "priority",
  "category",
  "channel",
  "team",
  "assignee",
  "tier",
  "sla",
  "from",
  "to",
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** Flat string form of a filter (arrays as comma lists), without defaults, for links and the filter form. */
export type QueueParams = Partial<Record<FilterKey | "queue" | "q" | "sort" | "cursor" | DrillKey, string>>;

/** Dashboard drill-down params (kept in links, not shown as filter controls). */
export const DRILL_KEYS = ["kpi", "rootCause", "level", "dow", "hour"] as const;
export type DrillKey = (typeof DRILL_KEYS)[number];

export function toParams(filter: QueueFilter): QueueParams {
  const params: QueueParams = {};
  if (filter.queue !== "mine") params.queue = filter.queue;
  for (const key of FILTER_KEYS) {
    const value = filter[key];
    if (value === undefined) continue;
    params[key] = Array.isArray(value) ? value.join(",") : value;
  }
  if (filter.q) params.q = filter.q;
  if (filter.kpi) params.kpi = filter.kpi;
  if (filter.rootCause) params.rootCause = filter.rootCause.join(",");
  if (filter.level) params.level = String(filter.level);
  if (filter.dow !== undefined) params.dow = String(filter.dow);
  if (filter.hour !== undefined) params.hour = String(filter.hour);
  if (filter.sort !== "due") params.sort = filter.sort;
  if (filter.cursor) params.cursor = filter.cursor;
  return params;
}

export function queueHref(params: QueueParams, overrides: QueueParams = {}): string {
  const merged: QueueParams = { ...params, ...overrides };
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(merged)) if (value) search.set(key, value);
  const query = search.toString();
  return query ? `/complaints?${query}` : "/complaints";
}

export function activeFilterCount(params: QueueParams): number {
  return FILTER_KEYS.filter((key) => params[key]).length;
}
