// The policy form's state (strings, as inputs hold them) and its conversion to the service's input.
import type { ComplaintType, Priority, SlaClockKind } from "@/lib/generated/prisma/enums";
import { CLOCK_KINDS } from "@/lib/sla/admin/schema";
import type { PolicyForEdit } from "@/lib/sla/admin/queries";

export type TargetDraft = { hours: string; minutes: string };

export type PolicyDraft = {
  code: string;
  nameZh: string;
  nameEn: string;
  rank: string;
  active: boolean;
  isDefault: boolean;
  matchType: ComplaintType | "";
  matchSeverityId: string;
  matchPriority: Priority | "";
  matchTierId: string;
  matchChannelId: string;
  calendarId: string;
  warnPercent: string;
  pauseOnPending: boolean;
  targets: Record<SlaClockKind, TargetDraft>;
};

const EMPTY_TARGET: TargetDraft = { hours: "", minutes: "" };

export function draftOf(policy: PolicyForEdit | null, defaultCalendarId: number | undefined): PolicyDraft {
  const targets = Object.fromEntries(
    CLOCK_KINDS.map((clock) => {
      const minutes = policy?.targets.find((target) => target.clock === clock)?.minutes;
      return [
        clock,
        minutes === undefined
          ? EMPTY_TARGET
          : { hours: String(Math.floor(minutes / 60)), minutes: String(minutes % 60) },
      ];
    }),
  ) as Record<SlaClockKind, TargetDraft>; // built from CLOCK_KINDS, so every key is present
  return {
    code: policy?.code ?? "",
    nameZh: policy?.nameZh ?? "",
    nameEn: policy?.nameEn ?? "",
    rank: String(policy?.rank ?? 100),
    active: policy?.active ?? true,
    isDefault: policy?.isDefault ?? false,
    matchType: policy?.matchType ?? "",
    matchSeverityId: policy?.matchSeverityId ? String(policy.matchSeverityId) : "",
    matchPriority: policy?.matchPriority ?? "",
    matchTierId: policy?.matchTierId ? String(policy.matchTierId) : "",
    matchChannelId: policy?.matchChannelId ? String(policy.matchChannelId) : "",
    calendarId: String(policy?.calendarId ?? defaultCalendarId ?? ""),
    warnPercent: String(policy?.warnPercent ?? 75),
    pauseOnPending: policy?.pauseOnPending ?? true,
    targets,
  };
}

/** "" → NaN, so the schema reports "required" instead of silently taking 0. */
function numberOf(value: string): number {
  return value.trim() === "" ? Number.NaN : Number(value);
}

function idOrNull(value: string): number | null {
  return value === "" ? null : Number(value);
}

/** Hours + minutes → minutes; both empty = no such clock (undefined). */
export function targetMinutes(target: TargetDraft): number | undefined {
  if (target.hours.trim() === "" && target.minutes.trim() === "") return undefined;
  const hours = target.hours.trim() === "" ? 0 : Number(target.hours);
  const minutes = target.minutes.trim() === "" ? 0 : Number(target.minutes);
  if (!Number.isInteger(hours) || !Number.isInteger(minutes) || hours < 0 || minutes < 0 || minutes > 59)
    return Number.NaN;
  return hours * 60 + minutes;
}

export function policyInputOf(draft: PolicyDraft) {
  const targets: Partial<Record<SlaClockKind, number>> = {};
  for (const clock of CLOCK_KINDS) {
    const minutes = targetMinutes(draft.targets[clock]);
    if (minutes !== undefined) targets[clock] = minutes;
  }
  return {
    code: draft.code,
    nameZh: draft.nameZh,
    nameEn: draft.nameEn,
    rank: numberOf(draft.rank),
    active: draft.active,
    isDefault: draft.isDefault,
    matchType: draft.matchType === "" ? null : draft.matchType,
    matchSeverityId: idOrNull(draft.matchSeverityId),
    matchPriority: draft.matchPriority === "" ? null : draft.matchPriority,
    matchTierId: idOrNull(draft.matchTierId),
    matchChannelId: idOrNull(draft.matchChannelId),
    calendarId: numberOf(draft.calendarId),
    warnPercent: numberOf(draft.warnPercent),
    pauseOnPending: draft.pauseOnPending,
    targets,
  };
}
