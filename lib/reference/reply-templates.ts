// Reply-template admin (admin.config): bilingual name, subject and body per template, optional category, active flag.
// Placeholders must be ones the workspace renderer fills; stale edits (updatedAt changed since the form was opened)
// are refused as conflicts; every change is audited in its transaction. Deactivated templates leave the composer.
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { can, type Actor } from "@/lib/auth/permissions";
import { diffFields, writeAudit } from "@/lib/audit/log";
import { fail, type Result } from "@/lib/errors";
import { fieldErrors } from "@/lib/complaints/validation";
import { unknownPlaceholders } from "@/lib/complaints/render-template";
import { idSchema } from "@/lib/validation";

const withPlaceholders = (schema: z.ZodString) =>
  schema.superRefine((value, ctx) => {
    const unknown = unknownPlaceholders(value);
    if (unknown.length) ctx.addIssue({ code: "custom", message: `unknown_placeholder:${unknown.join(",")}` });
  });

const name = z.string().trim().min(1, "required").max(120, "too_long");
const subject = withPlaceholders(z.string().trim().min(1, "required").max(200, "too_long"));
const body = withPlaceholders(z.string().trim().min(1, "required").max(10_000, "too_long"));

export const replyTemplateInputSchema = z.object({
  code: z
    .string()
    .trim()
    .min(1, "required")
    .max(60, "too_long")
    .regex(/^[a-z0-9_-]+$/, "code_format"),
  categoryId: idSchema.nullable().default(null),
  nameZh: name,
  nameEn: name,
  subjectZh: subject,
  subjectEn: subject,
  bodyZh: body,
  bodyEn: body,
  active: z.boolean().default(true),
  /** updatedAt (ISO) of the row as the form loaded it; required for edits. */
  version: z.string().optional(),
});
export type ReplyTemplateInput = z.infer<typeof replyTemplateInputSchema>;

const FORBIDDEN = "You may not manage reply templates.";
const CONFLICT = "Someone else changed this template after you opened it.";
const invalid = (fields: Record<string, string[]>) =>
  fail("invalid", "Some fields are missing or invalid.", { fields });

type Fields = Omit<ReplyTemplateInput, "version">;
const fieldsOf = (row: Fields): Fields => ({
  code: row.code,
  categoryId: row.categoryId,
  nameZh: row.nameZh,
  nameEn: row.nameEn,
  subjectZh: row.subjectZh,
  subjectEn: row.subjectEn,
  bodyZh: row.bodyZh,
  bodyEn: row.bodyEn,
  active: row.active,
});

export async function saveReplyTemplate(
  actor: Actor,
  id: number | null,
  raw: unknown,
): Promise<Result<{ id: number; version: string }>> {
  if (!can(actor, "admin.config")) return fail("forbidden", FORBIDDEN);
  const parsed = replyTemplateInputSchema.safeParse(raw);
  if (!parsed.success) return invalid(fieldErrors(parsed.error));
  const { version, ...input } = parsed.data;
  if (id !== null && !version) return invalid({ version: ["required"] });
  return db.$transaction(async (tx) => {
    const taken = await tx.replyTemplate.findUnique({ where: { code: input.code }, select: { id: true } });
    if (taken && taken.id !== id) return invalid({ code: ["taken"] });
    if (
      input.categoryId !== null &&
      !(await tx.category.findUnique({ where: { id: input.categoryId }, select: { id: true } }))
    )
      return invalid({ categoryId: ["unknown"] });
    if (id === null) {
      const created = await tx.replyTemplate.create({
        data: { ...input, createdById: actor.kind === "user" ? actor.userId : null },
        select: { id: true, updatedAt: true },
      });
      await writeAudit(tx, {
        actorType: actor.kind,
        actorId: actor.userId,
        action: "reply_template.create",
        entityType: "reply_template",
        entityId: String(created.id),
        changes: input,
      });
      return { ok: true as const, id: created.id, version: created.updatedAt.toISOString() };
    }
    // FOR UPDATE: two saves of one row run one after the other, so the second sees the first's updatedAt.
    await tx.$queryRaw`SELECT id FROM reply_templates WHERE id = ${id} FOR UPDATE`;
    const before = await tx.replyTemplate.findUnique({ where: { id } });
    if (!before) return fail("not_found", "No such reply template.");
    if (before.updatedAt.toISOString() !== version) return fail("conflict", CONFLICT);
    const updated = await tx.replyTemplate.update({ where: { id }, data: input, select: { updatedAt: true } });
    await writeAudit(tx, {
      actorType: actor.kind,
      actorId: actor.userId,
      action: "reply_template.update",
      entityType: "reply_template",
      entityId: String(id),
      changes: JSON.parse(JSON.stringify(diffFields(fieldsOf(before), input))),
    });
    return { ok: true as const, id, version: updated.updatedAt.toISOString() };
  });
}

const activeSchema = z.object({ active: z.boolean(), version: z.string().min(1) });

/** Turns a template on or off (deactivated ones are no longer offered in the workspace composer). */
export async function setReplyTemplateActive(
  actor: Actor,
  id: number,
  raw: unknown,
): Promise<Result<{ version: string }>> {
  if (!can(actor, "admin.config")) return fail("forbidden", FORBIDDEN);
  const parsed = activeSchema.safeParse(raw);
  if (!parsed.success) return invalid(fieldErrors(parsed.error));
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM reply_templates WHERE id = ${id} FOR UPDATE`;
    const before = await tx.replyTemplate.findUnique({ where: { id }, select: { active: true, updatedAt: true } });
    if (!before) return fail("not_found", "No such reply template.");
    if (before.updatedAt.toISOString() !== parsed.data.version) return fail("conflict", CONFLICT);
    const updated = await tx.replyTemplate.update({
      where: { id },
      data: { active: parsed.data.active },
      select: { updatedAt: true },
    });
    await writeAudit(tx, {
      actorType: actor.kind,
      actorId: actor.userId,
      action: parsed.data.active ? "reply_template.activate" : "reply_template.deactivate",
      entityType: "reply_template",
      entityId: String(id),
      changes: { active: { from: before.active, to: parsed.data.active } },
    });
    return { ok: true as const, version: updated.updatedAt.toISOString() };
  });
}

export async function listReplyTemplatesForAdmin() {
  const [rows, categories] = await Promise.all([
    db.replyTemplate.findMany({
      orderBy: [{ active: "desc" }, { code: "asc" }],
      select: {
        id: true,
        code: true,
        categoryId: true,
        nameZh: true,
        nameEn: true,
        subjectZh: true,
        subjectEn: true,
        bodyZh: true,
        bodyEn: true,
        active: true,
        updatedAt: true,
        category: { select: { nameZh: true, nameEn: true } },
      },
    }),
    db.category.findMany({
      orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
      select: { id: true, nameZh: true, nameEn: true, active: true },
    }),
  ]);
  return { templates: rows.map((row) => ({ ...row, version: row.updatedAt.toISOString() })), categories };
}

export type AdminReplyTemplates = Awaited<ReturnType<typeof listReplyTemplatesForAdmin>>;
export type AdminReplyTemplate = AdminReplyTemplates["templates"][number];
export type CategoryOption = AdminReplyTemplates["categories"][number];
