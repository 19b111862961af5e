// Creation-time escalation (SPEC §4): critical severity, a VIP/platinum tier, a regulator channel, or a customer's
// third complaint within 90 days sends a new complaint straight to L2. Each rule can be switched off and the repeat
// rule tuned in Setting "sla.escalateOnCreate". Called by createComplaint inside its transaction.
import "server-only";
import { z } from "zod";
import type { Tx } from "@/lib/db";
import type { EscalationReason } from "@/lib/generated/prisma/enums";
import { escalate, type EscalateOutcome } from "@/lib/escalations/service";
import { logger } from "@/lib/observability/log";

export const ESCALATE_ON_CREATE_SETTING = "sla.escalateOnCreate";

const DEFAULT_REPEAT = { count: 3, days: 90 } as const;

export const escalateOnCreateSettingSchema = z.object({
  critical: z.boolean().default(true),
  vip: z.boolean().default(true),
  regulator: z.boolean().default(true),
  // false switches the rule off; count includes the new complaint ("third complaint in 90 days" = count 3).
  repeatComplaint: z
    .union([
      z.literal(false),
      z.object({ count: z.number().int().min(2).max(100), days: z.number().int().min(1).max(3650) }),
    ])
    .default(DEFAULT_REPEAT),
});

export type EscalateOnCreateSetting = z.infer<typeof escalateOnCreateSettingSchema>;

const DEFAULTS: EscalateOnCreateSetting = {
  critical: true,
  vip: true,
  regulator: true,
  repeatComplaint: DEFAULT_REPEAT,
};

/** The configured rules; a missing setting means the defaults, an unreadable one too (and says so in the log). */
export async function readEscalateOnCreateSetting(tx: Tx): Promise<EscalateOnCreateSetting> {
  const row = await tx.setting.findUnique({ where: { key: ESCALATE_ON_CREATE_SETTING }, select: { value: true } });
  return parseEscalateOnCreateSetting(row ? row.value : undefined);
}

/** The rules from the setting's stored value (undefined: no row). */
export function parseEscalateOnCreateSetting(value: unknown): EscalateOnCreateSetting {
  if (value === undefined) return DEFAULTS;
  const parsed = escalateOnCreateSettingSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  logger.warn(`[escalations] setting ${ESCALATE_ON_CREATE_SETTING} is invalid; using the defaults`, {
    issues: parsed.error.issues.map((issue) => issue.message),
  });
  return DEFAULTS;
}

export type EscalateOnCreateInput = {
  complaintId: number;
  severity: { escalateOnCreate: boolean };
  tier: { escalateOnCreate: boolean } | null;
  channel: { isRegulator: boolean };
  customerId: number;
  now: Date;
};

/** The first rule that applies, in the order severity, VIP, regulator, repeat complaint; null when none does. Pure. */
export function creationEscalationReason(
  setting: EscalateOnCreateSetting,
  input: Pick<EscalateOnCreateInput, "severity" | "tier" | "channel">,
  recentComplaints: number | null,
): EscalationReason | null {
  if (setting.critical && input.severity.escalateOnCreate) return "severity";
  if (setting.vip && input.tier?.escalateOnCreate) return "vip";
  if (setting.regulator && input.channel.isRegulator) return "regulator";
  if (setting.repeatComplaint && recentComplaints !== null && recentComplaints >= setting.repeatComplaint.count)
    return "repeat_complaint";
  return null;
}

/**
 * Escalates a just-created complaint to L2 once (dedupeKey "create:<complaintId>") when a rule applies. Call after
 * the complaint row exists (it counts towards the repeat rule) and its team is set (L2 = the team's supervisor).
 */
export async function escalateOnCreate(
  tx: Tx,
  input: EscalateOnCreateInput,
  /**
   * what the caller already read: the setting's stored value, and the customer's complaints in a window before this one
   */
  preloaded?: { setting: unknown; earlier: { days: number; count: number } | null },
): Promise<EscalateOutcome | { escalated: false; why: "no_rule" }> {
  const setting = preloaded ? parseEscalateOnCreateSetting(preloaded.setting) : await readEscalateOnCreateSetting(tx);
  let recent: number | null = null;
  // Count earlier complaints only when no cheaper rule already applies.
  if (setting.repeatComplaint && !creationEscalationReason(setting, input, null)) {
    const { days } = setting.repeatComplaint;
    if (preloaded?.earlier && preloaded.earlier.days === days) {
      recent = preloaded.earlier.count + 1; // the new complaint itself
    } else {
      const since = new Date(input.now.getTime() - days * 24 * 60 * 60_000);
      // Served by the (customerId, createdAt) index; includes the new complaint itself.
      recent = await tx.complaint.count({
        where: { customerId: input.customerId, createdAt: { gte: since, lte: input.now } },
      });
    }
  }
  const reason = creationEscalationReason(setting, input, recent);
  if (!reason) return { escalated: false, why: "no_rule" };
  return escalate(tx, {
    complaintId: input.complaintId,
    reason,
    actor: null,
    dedupeKey: `create:${input.complaintId}`,
    now: input.now,
    detail: {
      trigger: "creation",
      ...(reason === "repeat_complaint" && setting.repeatComplaint
        ? { recentComplaints: recent, days: setting.repeatComplaint.days }
        : {}),
    },
  });
}
