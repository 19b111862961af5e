// Use cases of the category admin (admin.config): the category tree (one level of subcategories) and the root-cause
// codes per category. Rows in use are deactivated, never deleted; every change is audited in its transaction.
import "server-only";
import { db, type Tx } from "@/lib/db";
import { can, type Actor } from "@/lib/auth/permissions";
import { diffFields, writeAudit } from "@/lib/audit/log";
import { fail, type Result } from "@/lib/errors";
import { fieldErrors } from "@/lib/complaints/validation";
import { categoryInputSchema, rootCauseInputSchema } from "@/lib/reference/category-schema";
import { rowVersion } from "@/lib/reference/version";

const FORBIDDEN = "You may not manage categories.";
const invalid = (fields: Record<string, string[]>) =>
  fail("invalid", "Some fields are missing or invalid.", { fields });
const CONFLICT = "Someone else changed this record after you opened it.";

const categoryFields = (row: {
  code: string;
  nameZh: string;
  nameEn: string;
  parentId: number | null;
  active: boolean;
  sortOrder: number;
}) => ({
  code: row.code,
  nameZh: row.nameZh,
  nameEn: row.nameEn,
  parentId: row.parentId,
  active: row.active,
  sortOrder: row.sortOrder,
});
const rootCauseFields = (row: {
  code: string;
  nameZh: string;
  nameEn: string;
  categoryId: number | null;
  kind: string;
  active: boolean;
}) => ({
  code: row.code,
  nameZh: row.nameZh,
  nameEn: row.nameEn,
  categoryId: row.categoryId,
  kind: row.kind,
  active: row.active,
});

export const categoryVersion = (row: Parameters<typeof categoryFields>[0]) => rowVersion(categoryFields(row));
export const rootCauseVersion = (row: Parameters<typeof rootCauseFields>[0]) => rowVersion(rootCauseFields(row));

async function checkParent(tx: Tx, parentId: number | null, selfId: number | null) {
  if (parentId === null) return null;
  if (parentId === selfId) return invalid({ parentId: ["self"] });
  const parent = await tx.category.findUnique({ where: { id: parentId }, select: { parentId: true } });
  if (!parent) return invalid({ parentId: ["unknown"] });
  if (parent.parentId !== null) return invalid({ parentId: ["too_deep"] });
  if (selfId !== null && (await tx.category.count({ where: { parentId: selfId } })) > 0)
    return invalid({ parentId: ["has_children"] });
  return null;
}

export async function saveCategory(
  actor: Actor,
  id: number | null,
  raw: unknown,
): Promise<Result<{ id: number; version: string }>> {
  if (!can(actor, "admin.config")) return fail("forbidden", FORBIDDEN);
  const parsed = categoryInputSchema.safeParse(raw);
  if (!parsed.success) return invalid(fieldErrors(parsed.error));
  const { version, ...input } = parsed.data;
  return db.$transaction(async (tx) => {
    const taken = await tx.category.findUnique({ where: { code: input.code }, select: { id: true } });
    if (taken && taken.id !== id) return invalid({ code: ["taken"] });
    const parentProblem = await checkParent(tx, input.parentId, id);
    if (parentProblem) return parentProblem;
    if (id === null) {
      const created = await tx.category.create({ data: input, select: { id: true } });
      await writeAudit(tx, {
        actorType: actor.kind,
        actorId: actor.userId,
        action: "category.create",
        entityType: "category",
        entityId: String(created.id),
        changes: input,
      });
      return { ok: true as const, id: created.id, version: rowVersion(input) };
    }
    // FOR UPDATE: two saves of one row run one after the other, so the second sees the first's version.
    await tx.$queryRaw`SELECT id FROM categories WHERE id = ${id} FOR UPDATE`;
    const before = await tx.category.findUnique({ where: { id } });
    if (!before) return fail("not_found", "No such category.");
    if (version !== categoryVersion(before)) return fail("conflict", CONFLICT);
    await tx.category.update({ where: { id }, data: input });
    await writeAudit(tx, {
      actorType: actor.kind,
      actorId: actor.userId,
      action: "category.update",
      entityType: "category",
      entityId: String(id),
      changes: JSON.parse(JSON.stringify(diffFields(categoryFields(before), input))),
    });
    return { ok: true as const, id, version: rowVersion(input) };
  });
}

/** Deletes an unused category; one that complaints, subcategories, root causes or templates refer to is refused. */
export async function deleteCategory(actor: Actor, id: number): Promise<Result<{ deleted: true }>> {
  if (!can(actor, "admin.config")) return fail("forbidden", FORBIDDEN);
  return db.$transaction(async (tx) => {
    const row = await tx.category.findUnique({
      where: { id },
      select: {
        code: true,
        _count: {
          select: {
            complaints: true,
            subComplaints: true,
            children: true,
            rootCauses: true,
            replyTemplates: true,
            surveyReasons: true,
          },
        },
      },
    });
    if (!row) return fail("not_found", "No such category.");
    if (Object.values(row._count).some((count) => count > 0))
      return fail("conflict", "This category is in use: deactivate it instead.", { details: { inUse: row._count } });
    await tx.category.delete({ where: { id } });
    await writeAudit(tx, {
      actorType: actor.kind,
      actorId: actor.userId,
      action: "category.delete",
      entityType: "category",
      entityId: String(id),
      changes: { code: row.code },
    });
    return { ok: true as const, deleted: true as const };
  });
}

export async function saveRootCause(
  actor: Actor,
  id: number | null,
  raw: unknown,
): Promise<Result<{ id: number; version: string }>> {
  if (!can(actor, "admin.config")) return fail("forbidden", FORBIDDEN);
  const parsed = rootCauseInputSchema.safeParse(raw);
  if (!parsed.success) return invalid(fieldErrors(parsed.error));
  const { version, ...input } = parsed.data;
  return db.$transaction(async (tx) => {
    const taken = await tx.rootCause.findUnique({ where: { code: input.code }, select: { id: true } });
    if (taken && taken.id !== id) return invalid({ code: ["taken"] });
    if (
      input.categoryId !== null &&
      !(await tx.category.findUnique({ where: { id: input.categoryId }, select: { id: true } }))
    )
      return invalid({ categoryId: ["unknown"] });
    if (id === null) {
      const created = await tx.rootCause.create({ data: input, select: { id: true } });
      await writeAudit(tx, {
        actorType: actor.kind,
        actorId: actor.userId,
        action: "root_cause.create",
        entityType: "root_cause",
        entityId: String(created.id),
        changes: input,
      });
      return { ok: true as const, id: created.id, version: rowVersion(input) };
    }
    await tx.$queryRaw`SELECT id FROM root_causes WHERE id = ${id} FOR UPDATE`;
    const before = await tx.rootCause.findUnique({ where: { id } });
    if (!before) return fail("not_found", "No such root cause.");
    if (version !== rootCauseVersion(before)) return fail("conflict", CONFLICT);
    await tx.rootCause.update({ where: { id }, data: input });
    await writeAudit(tx, {
      actorType: actor.kind,
      actorId: actor.userId,
      action: "root_cause.update",
      entityType: "root_cause",
      entityId: String(id),
      changes: JSON.parse(JSON.stringify(diffFields(rootCauseFields(before), input))),
    });
    return { ok: true as const, id, version: rowVersion(input) };
  });
}

export async function deleteRootCause(actor: Actor, id: number): Promise<Result<{ deleted: true }>> {
  if (!can(actor, "admin.config")) return fail("forbidden", FORBIDDEN);
  return db.$transaction(async (tx) => {
    const row = await tx.rootCause.findUnique({
      where: { id },
      select: { code: true, _count: { select: { complaints: true, improvementActions: true } } },
    });
    if (!row) return fail("not_found", "No such root cause.");
    if (row._count.complaints + row._count.improvementActions > 0)
      return fail("conflict", "This root cause is in use: deactivate it instead.", { details: { inUse: row._count } });
    await tx.rootCause.delete({ where: { id } });
    await writeAudit(tx, {
      actorType: actor.kind,
      actorId: actor.userId,
      action: "root_cause.delete",
      entityType: "root_cause",
      entityId: String(id),
      changes: { code: row.code },
    });
    return { ok: true as const, deleted: true as const };
  });
}

/**
 * The whole tree for the admin page: top-level categories with their subcategories and root causes, plus global causes.
 */
export async function categoryTreeForAdmin() {
  const [categories, rootCauses] = await Promise.all([
    db.category.findMany({
      orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
      select: {
        id: true,
        code: true,
        nameZh: true,
        nameEn: true,
        parentId: true,
        active: true,
        sortOrder: true,
        _count: { select: { complaints: true, subComplaints: true } },
      },
    }),
    db.rootCause.findMany({
      orderBy: [{ code: "asc" }],
      select: {
        id: true,
        code: true,
        nameZh: true,
        nameEn: true,
        categoryId: true,
        kind: true,
        active: true,
        _count: { select: { complaints: true } },
      },
    }),
  ]);
  const withVersion = categories.map((row) => ({
    ...row,
    version: categoryVersion(row),
    inUse: row._count.complaints + row._count.subComplaints,
  }));
  const causes = rootCauses.map((row) => ({ ...row, version: rootCauseVersion(row), inUse: row._count.complaints }));
  const top = withVersion.filter((row) => row.parentId === null);
  return {
    categories: top.map((row) => ({
      ...row,
      children: withVersion.filter((child) => child.parentId === row.id),
      rootCauses: causes.filter((cause) => cause.categoryId === row.id),
    })),
    // Causes of a subcategory are shown with its parent's list; causes with no category apply to every category.
    orphanCauses: causes.filter(
      (cause) => cause.categoryId === null || !top.some((row) => row.id === cause.categoryId),
    ),
  };
}

export type CategoryTree = Awaited<ReturnType<typeof categoryTreeForAdmin>>;
export type AdminCategory = CategoryTree["categories"][number];
export type AdminRootCause = AdminCategory["rootCauses"][number];
