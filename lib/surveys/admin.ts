// Use cases of the survey admin page (survey.manage): the "survey" setting, texts per language, reason options per
// category. Each write is audited in its transaction; concurrent edits of the setting get a conflict.
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { can, type Actor } from "@/lib/auth/permissions";
import { diffFields, writeAudit } from "@/lib/audit/log";
import { fail, type FieldErrors, type Result } from "@/lib/errors";
import { fieldErrors } from "@/lib/complaints/validation";
import { parseSurveySettings, SURVEY_SETTING, surveySettingsSchema, type SurveySettings } from "@/lib/surveys/settings";
import { SURVEY_TEXT_KEYS, surveyTextsInputSchema } from "@/lib/surveys/text-keys";
import { idSchema } from "@/lib/validation";

const FORBIDDEN = "You may not manage surveys.";
const INVALID = "Some fields are missing or invalid.";

/** The setting as stored with its version (updatedAt; "" while only the defaults apply). */
export async function getSurveySettingsForAdmin(): Promise<{ settings: SurveySettings; version: string }> {
  const row = await db.setting.findUnique({ where: { key: SURVEY_SETTING }, select: { value: true, updatedAt: true } });
  return { settings: parseSurveySettings(row?.value), version: row ? row.updatedAt.toISOString() : "" };
}

export const surveySettingsInputSchema = surveySettingsSchema.extend({ version: z.string().max(40) }).strict();

export async function saveSurveySettings(
  actor: Actor,
  rawInput: unknown,
  now = new Date(),
): Promise<Result<{ version: string }>> {
  if (!can(actor, "survey.manage")) return fail("forbidden", FORBIDDEN);
  const parsed = surveySettingsInputSchema.safeParse(rawInput);
  if (!parsed.success) return fail("invalid", INVALID, { fields: fieldErrors(parsed.error) });
  const { version, ...input } = parsed.data;
  const settings: SurveySettings = {
    ...input,
    excludeTags: [...new Set(input.excludeTags)],
    excludeCategoryIds: [...new Set(input.excludeCategoryIds)],
    excludeChannelIds: [...new Set(input.excludeChannelIds)],
  };
  if (settings.reminderDays >= settings.expiryDays)
    return fail("invalid", INVALID, { fields: { reminderDays: ["before_expiry"] } });

  return db.$transaction(async (tx) => {
    const [categories, channels] = await Promise.all([
      tx.category.count({ where: { id: { in: settings.excludeCategoryIds } } }),
      tx.channel.count({ where: { id: { in: settings.excludeChannelIds } } }),
    ]);
    const errors: FieldErrors = {};
    if (categories !== settings.excludeCategoryIds.length) errors.excludeCategoryIds = ["unknown"];
    if (channels !== settings.excludeChannelIds.length) errors.excludeChannelIds = ["unknown"];
    if (Object.keys(errors).length) return fail("invalid", INVALID, { fields: errors });

    const before = await tx.setting.findUnique({
      where: { key: SURVEY_SETTING },
      select: { value: true, updatedAt: true },
    });
    const current = before ? before.updatedAt.toISOString() : "";
    if (current !== version)
      return fail("conflict", "Someone else changed the survey settings after you opened them.", {
        details: { currentVersion: current },
      });
    if (before) {
      // The updatedAt condition makes check-and-write atomic against a concurrent save.
      const written = await tx.setting.updateMany({
        where: { key: SURVEY_SETTING, updatedAt: before.updatedAt },
        data: { value: settings, updatedAt: now },
      });
      if (written.count === 0)
        return fail("conflict", "Someone else changed the survey settings after you opened them.");
    } else {
      const created = await tx.setting.createManyAndReturn({
        data: [{ key: SURVEY_SETTING, value: settings, updatedAt: now }],
        skipDuplicates: true,
        select: { key: true },
      });
      if (created.length === 0)
        return fail("conflict", "Someone else changed the survey settings after you opened them.");
    }
    const changes = diffFields(parseSurveySettings(before?.value), settings);
    await writeAudit(tx, {
      actorType: actor.kind,
      actorId: actor.userId,
      action: "survey_settings.update",
      entityType: "setting",
      entityId: SURVEY_SETTING,
      changes: JSON.parse(JSON.stringify(changes)),
    });
    return { ok: true as const, version: now.toISOString() };
  });
}

/** Both languages' overrides for the texts form: key → text ("" when the built-in wording applies). */
export async function getSurveyTextsForAdmin() {
  const rows = await db.surveyText.findMany({ select: { locale: true, key: true, text: true } });
  const empty = () =>
    Object.fromEntries(SURVEY_TEXT_KEYS.map((key) => [key, ""])) as Record<(typeof SURVEY_TEXT_KEYS)[number], string>;
  const texts = { zh_CN: empty(), en: empty() };
  for (const row of rows)
    if ((SURVEY_TEXT_KEYS as readonly string[]).includes(row.key))
      texts[row.locale][row.key as (typeof SURVEY_TEXT_KEYS)[number]] = row.text;
  return texts;
}

/** Saves one language's texts; an empty text deletes the override (the built-in wording applies again). */
export async function saveSurveyTexts(actor: Actor, rawInput: unknown): Promise<Result<{ saved: number }>> {
  if (!can(actor, "survey.manage")) return fail("forbidden", FORBIDDEN);
  const parsed = surveyTextsInputSchema.safeParse(rawInput);
  if (!parsed.success) return fail("invalid", INVALID, { fields: fieldErrors(parsed.error) });
  const { locale, texts } = parsed.data;
  return db.$transaction(async (tx) => {
    const before = await tx.surveyText.findMany({ where: { locale }, select: { key: true, text: true } });
    const previous = new Map(before.map((row) => [row.key, row.text]));
    const changes: Record<string, { from: string | null; to: string | null }> = {};
    for (const key of SURVEY_TEXT_KEYS) {
      const text = texts[key];
      const old = previous.get(key) ?? null;
      if ((old ?? "") === text) continue;
      changes[key] = { from: old, to: text || null };
      if (text)
        await tx.surveyText.upsert({
          where: { locale_key: { locale, key } },
          create: { locale, key, text },
          update: { text },
        });
      else await tx.surveyText.deleteMany({ where: { locale, key } });
    }
    if (Object.keys(changes).length) {
      await writeAudit(tx, {
        actorType: actor.kind,
        actorId: actor.userId,
        action: "survey_texts.update",
        entityType: "survey_text",
        entityId: locale,
        changes,
      });
    }
    return { ok: true as const, saved: Object.keys(changes).length };
  });
}

export const surveyReasonInputSchema = z
  .object({
    id: idSchema.nullable(),
    code: z
      .string()
      .trim()
      .regex(/^[a-z0-9][a-z0-9_-]{0,47}$/, "invalid_code"),
    categoryId: idSchema.nullable(),
    nameZh: z.string().trim().min(1, "required").max(80),
    nameEn: z.string().trim().min(1, "required").max(80),
    active: z.boolean(),
  })
  .strict();

export async function listSurveyReasonsForAdmin() {
  return db.surveyReason.findMany({
    select: { id: true, code: true, categoryId: true, nameZh: true, nameEn: true, active: true },
    orderBy: [{ categoryId: { sort: "asc", nulls: "first" } }, { id: "asc" }],
  });
}

/** Creates (id null) or updates a reason. Codes are kept in answers, so a used reason is deactivated, never deleted. */
export async function saveSurveyReason(
  actor: Actor,
  rawInput: unknown,
): Promise<Result<{ reason: { id: number; code: string } }>> {
  if (!can(actor, "survey.manage")) return fail("forbidden", FORBIDDEN);
  const parsed = surveyReasonInputSchema.safeParse(rawInput);
  if (!parsed.success) return fail("invalid", INVALID, { fields: fieldErrors(parsed.error) });
  const { id, ...input } = parsed.data;
  return db.$transaction(async (tx) => {
    const [sameCode, category] = await Promise.all([
      tx.surveyReason.findUnique({ where: { code: input.code }, select: { id: true } }),
      input.categoryId === null
        ? true
        : tx.category.findUnique({ where: { id: input.categoryId }, select: { id: true } }),
    ]);
    const errors: FieldErrors = {};
    if (sameCode && sameCode.id !== id) errors.code = ["taken"];
    if (!category) errors.categoryId = ["unknown"];
    if (Object.keys(errors).length) return fail("invalid", INVALID, { fields: errors });
    if (id === null) {
      const created = await tx.surveyReason.create({ data: input, select: { id: true, code: true } });
      await writeAudit(tx, {
        actorType: actor.kind,
        actorId: actor.userId,
        action: "survey_reason.create",
        entityType: "survey_reason",
        entityId: String(created.id),
        changes: input,
      });
      return { ok: true as const, reason: created };
    }
    const before = await tx.surveyReason.findUnique({
      where: { id },
      select: { code: true, categoryId: true, nameZh: true, nameEn: true, active: true },
    });
    if (!before) return fail("not_found", "No such reason.");
    // Answers store the code: renaming it would orphan them.
    if (
      before.code !== input.code &&
      (await tx.surveyResponse.count({ where: { reasonCodes: { has: before.code } } })) > 0
    ) {
      return fail("invalid", INVALID, { fields: { code: ["in_use"] } });
    }
    const updated = await tx.surveyReason.update({ where: { id }, data: input, select: { id: true, code: true } });
    await writeAudit(tx, {
      actorType: actor.kind,
      actorId: actor.userId,
      action: "survey_reason.update",
      entityType: "survey_reason",
      entityId: String(id),
      changes: JSON.parse(JSON.stringify(diffFields(before, input))),
    });
    return { ok: true as const, reason: updated };
  });
}
