// The industry template chooser of a new installation (admin.config): applies the airline, travel or enterprise
// template's reference data with the seed's own upserts (prisma/seed/apply-template.ts), and refuses once complaints
// exist, because re-coding categories, channels and SLA policies under live complaints would rewrite their meaning.
import "server-only";
import { db } from "@/lib/db";
import { can, type Actor } from "@/lib/auth/permissions";
import { writeAudit } from "@/lib/audit/log";
import { fail, type Result } from "@/lib/errors";
import { applyTemplate } from "@/prisma/seed/apply-template";
import { airlineTemplate } from "@/prisma/seed/templates/airline";
import { enterpriseTemplate } from "@/prisma/seed/templates/enterprise";
import { travelTemplate } from "@/prisma/seed/templates/travel";
import type { IndustryCode, IndustryTemplate } from "@/prisma/seed/templates/types";

export const INDUSTRY_TEMPLATES: Record<IndustryCode, IndustryTemplate> = {
  airline: airlineTemplate,
  travel: travelTemplate,
  enterprise: enterpriseTemplate,
};
export const INDUSTRY_CODES = Object.keys(INDUSTRY_TEMPLATES) as IndustryCode[];

export async function setupStatus() {
  const [complaints, current] = await Promise.all([
    db.complaint.count(),
    db.setting.findUnique({ where: { key: "industry.template" }, select: { value: true } }),
  ]);
  const templates = INDUSTRY_CODES.map((code) => {
    const template = INDUSTRY_TEMPLATES[code];
    return {
      code,
      channels: template.channels.length,
      categories: template.categories.length,
      subcategories: template.categories.reduce((sum, category) => sum + category.subcategories.length, 0),
      rootCauses: template.categories.reduce((sum, category) => sum + category.rootCauses.length, 0),
      slaPolicies: template.slaPolicies.length,
      replyTemplates: template.replyTemplates.length,
    };
  });
  return { complaints, current: typeof current?.value === "string" ? current.value : null, templates };
}

export async function applyIndustryTemplate(actor: Actor, code: unknown): Promise<Result<{ template: IndustryCode }>> {
  if (!can(actor, "admin.config")) return fail("forbidden", "You may not set up the installation.");
  if (typeof code !== "string" || !(INDUSTRY_CODES as string[]).includes(code))
    return fail("invalid", "Unknown template.", { fields: { template: ["unknown"] } });
  const template = INDUSTRY_TEMPLATES[code as IndustryCode];
  const refused = () =>
    fail("unprocessable", "Complaints exist already: the industry template can only be chosen for a new installation.");
  try {
    return await db.$transaction(
      async (tx) => {
        // One set-up at a time, and no complaint may be logged in between (complaint creation takes no such lock, so
        // the count is re-checked inside the transaction: a complaint committed meanwhile makes the apply roll back).
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('setup.industry_template'))`;
        if ((await tx.complaint.count()) > 0) return refused();
        await applyTemplate(tx, template);
        await writeAudit(tx, {
          actorType: actor.kind,
          actorId: actor.userId,
          action: "setup.apply_template",
          entityType: "setting",
          entityId: "industry.template",
          changes: { template: template.code },
        });
        // Thrown, not returned: returning would commit the template rows written above.
        if ((await tx.complaint.count()) > 0) throw new ComplaintsExist();
        return { ok: true as const, template: template.code };
      },
      { timeout: 120_000, maxWait: 10_000 },
    );
  } catch (error) {
    if (error instanceof ComplaintsExist) return refused();
    throw error;
  }
}

class ComplaintsExist extends Error {}
