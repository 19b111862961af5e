// Compensation approval limits per role (configuration, SPEC §2) and the pure rule deciding when approval is needed.
import "server-only";
import { can, permissionsOf, ROLES } from "@/lib/auth/permissions";
import type { Db, Tx } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";

export const LIMIT_CURRENCY = "CNY";

/** Used when a role has no ApprovalLimit row. Admins configure limits but do not approve compensation. */
export const DEFAULT_APPROVAL_LIMITS = {
  agent: "500.00",
  supervisor: "5000.00",
  manager: "1000000.00",
  admin: "0.00",
  liaison: "0.00", // department liaisons never decide on compensation
} as const satisfies Record<Role, string>;

/**
 * `pointsPerCny`: the configured miles/points rate (Setting "compensation.pointsPerCny"); POINTS_PER_CNY when absent.
 */
export type ApprovalLimitRule = { role: Role; amount: string; currency: string; pointsPerCny?: number };

/**
 * Money as integer cents, so comparisons are exact. Accepts "800", "800.5", "800.50" or a Prisma Decimal's string
 * form; anything else is a programming error (inputs are validated by the zod schema first).
 */
export function toCents(amount: string | number): bigint {
  const text = typeof amount === "number" ? amount.toFixed(2) : amount.trim();
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) throw new Error(`Not a money amount: ${text}`);
  return BigInt(match[1] ?? "0") * 100n + BigInt((match[2] ?? "").padEnd(2, "0"));
}

export function formatAmount(amount: string | number): string {
  const cents = toCents(amount);
  return `${cents / 100n}.${String(cents % 100n).padStart(2, "0")}`;
}

/**
 * Miles/points ("PTS") are valued at 100 points = 1 CNY when compared with CNY limits (airline template default).
 * Admins change the rate on /admin/compensation (Setting "compensation.pointsPerCny"), read by approvalLimitFor.
 */
export const POINTS_PER_CNY = 100n;
export const POINTS_RATE_SETTING = "compensation.pointsPerCny";

/** The configured points-per-CNY rate, or the default when unset or malformed. */
export async function pointsPerCny(client: Db | Tx): Promise<number> {
  const row = await client.setting.findUnique({ where: { key: POINTS_RATE_SETTING }, select: { value: true } });
  return typeof row?.value === "number" && Number.isInteger(row.value) && row.value > 0
    ? row.value
    : Number(POINTS_PER_CNY);
}

/**
 * True when the amount is above the limit. Limits are in CNY; points are converted at POINTS_PER_CNY; any other
 * foreign currency is never compared across currencies: it always needs an approver whose own limit is in that
 * currency. Admins (limit 0) therefore never approve.
 */
export function needsApproval(
  amount: string | number,
  currency: string,
  limit: Pick<ApprovalLimitRule, "amount" | "currency" | "pointsPerCny">,
): boolean {
  const from = currency.toUpperCase();
  const to = limit.currency.toUpperCase();
  const rate = limit.pointsPerCny === undefined ? POINTS_PER_CNY : BigInt(limit.pointsPerCny);
  if (from === "PTS" && to === LIMIT_CURRENCY) return toCents(amount) / rate > toCents(limit.amount);
  if (from !== to) return true;
  return toCents(amount) > toCents(limit.amount);
}

type LimitRow = { role: Role; amount: { toFixed(digits: number): string }; currency: string };

function ruleFor(role: Role, row: LimitRow | undefined): ApprovalLimitRule {
  if (!row) return { role, amount: DEFAULT_APPROVAL_LIMITS[role], currency: LIMIT_CURRENCY };
  return { role, amount: row.amount.toFixed(2), currency: row.currency.trim() };
}

/** The role's configured limit, or its default when the table has no row for it. */
export async function approvalLimitFor(client: Db | Tx, role: Role): Promise<ApprovalLimitRule> {
  const [row, rate] = await Promise.all([client.approvalLimit.findUnique({ where: { role } }), pointsPerCny(client)]);
  return { ...ruleFor(role, row ?? undefined), pointsPerCny: rate };
}

/** Roles that hold `compensation.approve`: the people a compensation above the proposer's limit goes to. */
const APPROVER_ROLES = ROLES.filter((role) => can({ permissions: permissionsOf(role) }, "compensation.approve"));

/** The approving roles whose limit covers the amount, least senior (lowest limit) first. */
export async function approverRulesFor(
  client: Db | Tx,
  amount: string,
  currency: string,
): Promise<ApprovalLimitRule[]> {
  const [rows, rate] = await Promise.all([
    client.approvalLimit.findMany({ where: { role: { in: APPROVER_ROLES } } }),
    pointsPerCny(client),
  ]);
  const limits = APPROVER_ROLES.map((role) => ({
    ...ruleFor(
      role,
      rows.find((row) => row.role === role),
    ),
    pointsPerCny: rate,
  }));
  const covering = limits.filter((limit) => !needsApproval(amount, currency, limit));
  covering.sort((a, b) => Number(toCents(a.amount) - toCents(b.amount)));
  return covering;
}

/** The least senior approving role whose limit covers the amount, or null when none does. */
export async function lowestApproverFor(
  client: Db | Tx,
  amount: string,
  currency: string,
): Promise<ApprovalLimitRule | null> {
  return (await approverRulesFor(client, amount, currency))[0] ?? null;
}
