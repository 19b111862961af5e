// Makes audit rows readable in the reader's language: the entity named (complaints by reference, reference data by
// its name in that language), and each change classified so the page can translate field labels and values
// (statuses, priorities, roles, yes/no) and show reference ids as names.
import "server-only";
import { db } from "@/lib/db";
import type { AppLocale } from "@/lib/i18n/locales";
import { localizedName } from "@/lib/i18n/locales";
import type { AuditRow } from "@/lib/audit/queries";
import { MAX_INT4 } from "@/lib/validation";

/** Fields whose values are ids of reference rows, by the table they name. */
const REFERENCE_FIELDS = {
  severityId: "severity",
  categoryId: "category",
  subcategoryId: "category",
  parentId: "category",
  categoryIds: "category",
  touchpointId: "touchpoint",
  rootCauseId: "rootCause",
  channelId: "channel",
  teamId: "team",
  tierId: "tier",
  matchSeverityId: "severity",
  matchTierId: "tier",
  matchChannelId: "channel",
  calendarId: "calendar",
  assigneeId: "user",
  approverId: "user",
  userId: "user",
  supervisorId: "user",
  proposedById: "user",
  ownerId: "user",
  teamIds: "team",
  duplicateOfId: "complaint",
  mergedIntoId: "customer",
  complaintId: "complaint",
  policyId: "policy",
} as const;
type ReferenceTable = (typeof REFERENCE_FIELDS)[keyof typeof REFERENCE_FIELDS];

/** Fields whose values come from a fixed vocabulary the UI translates. */
const VOCABULARY_FIELDS = {
  status: "status",
  priority: "priority",
  role: "role",
  type: "type",
  matchType: "type",
  matchPriority: "priority",
  reason: "reason",
  urgency: "urgency",
} as const;
export type Vocabulary = (typeof VOCABULARY_FIELDS)[keyof typeof VOCABULARY_FIELDS];

/** Entity types whose rows are named in the log (others keep their id). */
const ENTITY_TABLES: Partial<Record<string, ReferenceTable>> = {
  complaint: "complaint",
  customer: "customer",
  user: "user",
  team: "team",
  category: "category",
  channel: "channel",
  root_cause: "rootCause",
  sla_policy: "policy",
  business_calendar: "calendar",
};

export type AuditValue =
  | { kind: "text"; text: string }
  | { kind: "vocabulary"; vocabulary: Vocabulary; code: string }
  | { kind: "boolean"; value: boolean }
  | { kind: "name"; text: string }
  | { kind: "empty" };

export type PresentedChange = { field: string; from?: AuditValue; to?: AuditValue; value?: AuditValue };
export type PresentedAuditRow = Omit<AuditRow, "changes"> & { entityName: string | null; changes: PresentedChange[] };

type Names = Map<ReferenceTable, Map<string, string>>;

function rawValues(changes: AuditRow["changes"]): { field: string; from?: unknown; to?: unknown; value?: unknown }[] {
  if (changes === null || typeof changes !== "object" || Array.isArray(changes))
    return changes === null ? [] : [{ field: "", value: changes }];
  // A whole record before and after ({ from: {…}, to: {…} }, e.g. an incident's scope): one change per field that
  // differs, so each gets its label and its values their names, instead of two blobs of JSON.
  const { from: before, to: after } = changes;
  if (Object.keys(changes).length === 2 && isRecord(before) && isRecord(after)) {
    const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return fields
      .filter((field) => JSON.stringify(before[field] ?? null) !== JSON.stringify(after[field] ?? null))
      .map((field) => ({ field, from: before[field], to: after[field] }));
  }
  return Object.entries(changes).map(([field, value]) =>
    value && typeof value === "object" && !Array.isArray(value) && "from" in value && "to" in value
      ? { field, from: value.from, to: value.to }
      : { field, value },
  );
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);
const isReferenceField = (field: string): field is keyof typeof REFERENCE_FIELDS =>
  Object.prototype.hasOwnProperty.call(REFERENCE_FIELDS, field);
const isVocabularyField = (field: string): field is keyof typeof VOCABULARY_FIELDS =>
  Object.prototype.hasOwnProperty.call(VOCABULARY_FIELDS, field);
const idsIn = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.flatMap(idsIn)
    : typeof value === "number" || (typeof value === "string" && /^\d+$/.test(value))
      ? [String(value)]
      : [];

function present(field: string, value: unknown, names: Names): AuditValue {
  if (value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0))
    return { kind: "empty" };
  if (isReferenceField(field)) {
    const table = names.get(REFERENCE_FIELDS[field]);
    const ids = idsIn(value);
    if (ids.length) return { kind: "name", text: ids.map((id) => table?.get(id) ?? `#${id}`).join(", ") };
  }
  if (isVocabularyField(field) && typeof value === "string")
    return { kind: "vocabulary", vocabulary: VOCABULARY_FIELDS[field], code: value };
  if (typeof value === "boolean") return { kind: "boolean", value };
  if (Array.isArray(value) && value.every((item) => typeof item === "string"))
    return { kind: "text", text: value.join(", ") };
  return { kind: "text", text: typeof value === "string" ? value : JSON.stringify(value) };
}

/** Loads the names of every entity and referenced id on the page in one query per table. */
async function loadNames(rows: readonly AuditRow[], locale: AppLocale): Promise<Names> {
  const wanted = new Map<ReferenceTable, Set<number>>();
  const want = (table: ReferenceTable, ids: string[]) => {
    const set = wanted.get(table) ?? new Set<number>();
    for (const id of ids) if (Number(id) <= MAX_INT4) set.add(Number(id));
    wanted.set(table, set);
  };
  for (const row of rows) {
    const table = ENTITY_TABLES[row.entityType];
    if (table && row.entityId) want(table, idsIn(row.entityId));
    for (const line of rawValues(row.changes)) {
      if (!isReferenceField(line.field)) continue;
      want(REFERENCE_FIELDS[line.field], [...idsIn(line.from), ...idsIn(line.to), ...idsIn(line.value)]);
    }
  }
  const named = (list: { id: number; nameZh: string; nameEn: string }[]) =>
    new Map(list.map((row) => [String(row.id), localizedName(locale, row)]));
  const bilingual = { id: true, nameZh: true, nameEn: true } as const;
  const loaders: Record<ReferenceTable, (ids: number[]) => Promise<Map<string, string>>> = {
    complaint: async (ids) =>
      new Map(
        (await db.complaint.findMany({ where: { id: { in: ids } }, select: { id: true, reference: true } })).map(
          (row) => [String(row.id), row.reference],
        ),
      ),
    customer: async (ids) =>
      new Map(
        (await db.customer.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((row) => [
          String(row.id),
          row.name,
        ]),
      ),
    user: async (ids) =>
      new Map(
        (await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((row) => [
          String(row.id),
          row.name,
        ]),
      ),
    team: async (ids) => named(await db.team.findMany({ where: { id: { in: ids } }, select: bilingual })),
    category: async (ids) => named(await db.category.findMany({ where: { id: { in: ids } }, select: bilingual })),
    channel: async (ids) => named(await db.channel.findMany({ where: { id: { in: ids } }, select: bilingual })),
    rootCause: async (ids) => named(await db.rootCause.findMany({ where: { id: { in: ids } }, select: bilingual })),
    severity: async (ids) => named(await db.severity.findMany({ where: { id: { in: ids } }, select: bilingual })),
    touchpoint: async (ids) => named(await db.touchpoint.findMany({ where: { id: { in: ids } }, select: bilingual })),
    tier: async (ids) => named(await db.customerTier.findMany({ where: { id: { in: ids } }, select: bilingual })),
    policy: async (ids) => named(await db.slaPolicy.findMany({ where: { id: { in: ids } }, select: bilingual })),
    calendar: async (ids) =>
      named(await db.businessCalendar.findMany({ where: { id: { in: ids } }, select: bilingual })),
  };
  const entries = await Promise.all(
    [...wanted]
      .filter(([, ids]) => ids.size)
      .map(async ([table, ids]) => [table, await loaders[table]([...ids])] as const),
  );
  return new Map(entries);
}

export async function presentAuditRows(rows: readonly AuditRow[], locale: AppLocale): Promise<PresentedAuditRow[]> {
  const names = await loadNames(rows, locale);
  return rows.map((row) => {
    const table = ENTITY_TABLES[row.entityType];
    const entityName = table && row.entityId ? (names.get(table)?.get(row.entityId) ?? null) : null;
    const changes = rawValues(row.changes).map((line): PresentedChange =>
      "value" in line && !("from" in line)
        ? { field: line.field, value: present(line.field, line.value, names) }
        : { field: line.field, from: present(line.field, line.from, names), to: present(line.field, line.to, names) },
    );
    return { ...row, entityName, changes };
  });
}
