// Writes an industry template's reference data. Every row is upserted by its natural key (code, role, locale+key,
// calendar+date), so applying a template again updates names and targets without duplicating anything.
import type { Tx } from "../../lib/db";
import { SlaClockKind } from "../../lib/generated/prisma/enums";
import type { CategoryTemplate, IndustryTemplate } from "./templates/types";

/** Looks a code up in a code → id map built while applying; a miss is a template authoring error. */
function idOf(ids: Map<string, number>, code: string, what: string): number {
  const id = ids.get(code);
  if (id === undefined) throw new Error(`Template refers to unknown ${what} "${code}"`);
  return id;
}

function optionalIdOf(ids: Map<string, number>, code: string | undefined, what: string): number | null {
  return code === undefined ? null : idOf(ids, code, what);
}

async function applyCategories(tx: Tx, categories: CategoryTemplate[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const [index, category] of categories.entries()) {
    const names = { nameZh: category.nameZh, nameEn: category.nameEn, sortOrder: index, parentId: null };
    const parent = await tx.category.upsert({
      where: { code: category.code },
      create: { code: category.code, ...names },
      update: names,
    });
    ids.set(category.code, parent.id);
    for (const [subIndex, sub] of category.subcategories.entries()) {
      const subNames = { nameZh: sub.nameZh, nameEn: sub.nameEn, sortOrder: subIndex, parentId: parent.id };
      const child = await tx.category.upsert({
        where: { code: sub.code },
        create: { code: sub.code, ...subNames },
        update: subNames,
      });
      ids.set(sub.code, child.id);
    }
    for (const cause of category.rootCauses) {
      const fields = { kind: cause.kind, nameZh: cause.nameZh, nameEn: cause.nameEn, categoryId: parent.id };
      await tx.rootCause.upsert({
        where: { code: cause.code },
        create: { code: cause.code, ...fields },
        update: fields,
      });
    }
  }
  return ids;
}

async function applyCalendars(tx: Tx, template: IndustryTemplate): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const calendar of template.calendars) {
    const fields = {
      nameZh: calendar.nameZh,
      nameEn: calendar.nameEn,
      timeZone: calendar.timeZone,
      is24x7: calendar.is24x7,
      workingHours: calendar.workingHours,
    };
    const row = await tx.businessCalendar.upsert({
      where: { code: calendar.code },
      create: { code: calendar.code, ...fields },
      update: fields,
    });
    ids.set(calendar.code, row.id);
    for (const holiday of calendar.holidays) {
      const date = new Date(`${holiday.date}T00:00:00Z`);
      await tx.calendarHoliday.upsert({
        where: { calendarId_date: { calendarId: row.id, date } },
        create: { calendarId: row.id, date, kind: holiday.kind, name: holiday.name },
        update: { kind: holiday.kind, name: holiday.name },
      });
    }
  }
  return ids;
}

async function upsertCodes<T extends { code: string }>(items: T[], write: (item: T) => Promise<{ id: number }>) {
  const ids = new Map<string, number>();
  for (const item of items) ids.set(item.code, (await write(item)).id);
  return ids;
}

export async function applyTemplate(tx: Tx, template: IndustryTemplate): Promise<void> {
  const channelIds = await upsertCodes(template.channels, (channel) => {
    const { code, ...fields } = channel;
    const data = {
      ...fields,
      isRegulator: channel.isRegulator ?? false,
      sortOrder: template.channels.indexOf(channel),
    };
    return tx.channel.upsert({ where: { code }, create: { code, ...data }, update: data });
  });
  const categoryIds = await applyCategories(tx, template.categories);
  const severityIds = await upsertCodes(template.severities, ({ code, ...fields }) => {
    const data = { ...fields, escalateOnCreate: fields.escalateOnCreate ?? false };
    return tx.severity.upsert({ where: { code }, create: { code, ...data }, update: data });
  });
  const tierIds = await upsertCodes(template.tiers, ({ code, ...fields }) => {
    const data = { ...fields, escalateOnCreate: fields.escalateOnCreate ?? false };
    return tx.customerTier.upsert({ where: { code }, create: { code, ...data }, update: data });
  });
  await upsertCodes(template.touchpoints, (touchpoint) => {
    const { code, ...names } = touchpoint;
    const data = { ...names, sortOrder: template.touchpoints.indexOf(touchpoint) };
    return tx.touchpoint.upsert({ where: { code }, create: { code, ...data }, update: data });
  });
  const calendarIds = await applyCalendars(tx, template);

  for (const policy of template.slaPolicies) {
    const data = {
      nameZh: policy.nameZh,
      nameEn: policy.nameEn,
      rank: policy.rank,
      isDefault: policy.isDefault ?? false,
      warnPercent: policy.warnPercent,
      calendarId: idOf(calendarIds, policy.calendarCode, "calendar"),
      matchType: policy.matchType ?? null,
      matchPriority: policy.matchPriority ?? null,
      matchSeverityId: optionalIdOf(severityIds, policy.matchSeverityCode, "severity"),
      matchTierId: optionalIdOf(tierIds, policy.matchTierCode, "tier"),
      matchChannelId: optionalIdOf(channelIds, policy.matchChannelCode, "channel"),
    };
    const row = await tx.slaPolicy.upsert({
      where: { code: policy.code },
      create: { code: policy.code, ...data },
      update: data,
    });
    // Targets the template no longer lists are removed so the policy matches the template exactly.
    await tx.slaTarget.deleteMany({ where: { policyId: row.id } });
    await tx.slaTarget.createMany({
      data: Object.values(SlaClockKind).flatMap((clock) => {
        const minutes = policy.targets[clock];
        return minutes === undefined ? [] : [{ policyId: row.id, clock, minutes }];
      }),
    });
  }

  for (const [index, department] of template.departments.entries()) {
    const data = {
      nameZh: department.nameZh,
      nameEn: department.nameEn,
      kind: department.kind ?? "internal",
      calendarId: idOf(calendarIds, department.calendarCode, "calendar"),
      urgentDays: department.urgentDays ?? 1,
      normalDays: department.normalDays ?? 3,
      investigationDays: department.investigationDays ?? 15,
      escalationLevel: department.escalationLevel ?? null,
      sortOrder: index,
    };
    await tx.department.upsert({
      where: { code: department.code },
      create: { code: department.code, ...data },
      update: data,
    });
  }

  for (const limit of template.approvalLimits) {
    const data = { amount: limit.amount, currency: limit.currency };
    await tx.approvalLimit.upsert({ where: { role: limit.role }, create: { role: limit.role, ...data }, update: data });
  }
  for (const reply of template.replyTemplates) {
    const { code, categoryCode, ...texts } = reply;
    const data = { ...texts, categoryId: optionalIdOf(categoryIds, categoryCode, "category") };
    await tx.replyTemplate.upsert({ where: { code }, create: { code, ...data }, update: data });
  }
  for (const { locale, key, text } of template.surveyTexts) {
    await tx.surveyText.upsert({
      where: { locale_key: { locale, key } },
      create: { locale, key, text },
      update: { text },
    });
  }
  for (const reason of template.surveyReasons) {
    const { code, categoryCode, ...names } = reason;
    const data = { ...names, categoryId: optionalIdOf(categoryIds, categoryCode, "category") };
    await tx.surveyReason.upsert({ where: { code }, create: { code, ...data }, update: data });
  }
  for (const [key, value] of Object.entries(template.settings)) {
    await tx.setting.upsert({ where: { key }, create: { key, value }, update: { value } });
  }
  await applyIncidentPlans(tx, template);
}

/**
 * Contingency plans are created once: a plan already there (by code) keeps the revisions people made to it, so applying
 * the template again never overwrites a revised plan. Each new plan gets its first revision row; no owner yet.
 */
async function applyIncidentPlans(tx: Tx, template: IndustryTemplate) {
  const now = new Date();
  const nextReviewAt = new Date(now);
  nextReviewAt.setUTCFullYear(nextReviewAt.getUTCFullYear() + 3);
  for (const plan of template.incidentPlans) {
    if (await tx.contingencyPlan.findUnique({ where: { code: plan.code }, select: { id: true } })) continue;
    const data = { ...plan, revisedAt: now, nextReviewAt, createdAt: now };
    const row = await tx.contingencyPlan.create({ data, select: { id: true } });
    await tx.planRevision.create({
      data: {
        planId: row.id,
        revision: 1,
        snapshot: { ...plan, revisedAt: now.toISOString(), nextReviewAt: nextReviewAt.toISOString(), changeNote: null },
        createdAt: now,
      },
    });
  }
}
