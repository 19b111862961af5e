// Seeds an installation once: the chosen industry template and optionally the demo data, in one transaction, with
// the "seed.completed" marker written last so that a failed run leaves nothing behind and a finished one never repeats.
import type { Db } from "../../lib/db";
import { refreshAllKpiFacts } from "../../lib/kpi/refresh";
import { applyTemplate } from "./apply-template";
import { seedDemoData, type DemoCounts } from "./demo";
import { seedKnowledge } from "./knowledge";
import { airlineTemplate } from "./templates/airline";
import { enterpriseTemplate } from "./templates/enterprise";
import { travelTemplate } from "./templates/travel";
import type { IndustryCode, IndustryTemplate } from "./templates/types";

export const TEMPLATES: Record<IndustryCode, IndustryTemplate> = {
  airline: airlineTemplate,
  travel: travelTemplate,
  enterprise: enterpriseTemplate,
};

export const SEED_COMPLETED_KEY = "seed.completed";

export interface SeedOptions {
  template: IndustryCode;
  demo: boolean;
  now?: Date;
}

export type SeedResult =
  | { seeded: false }
  | { seeded: true; counts: Partial<DemoCounts> & { templateRows: number; knowledgeArticles: number } };

export async function seed(db: Db, options: SeedOptions): Promise<SeedResult> {
  const done = await db.setting.findUnique({ where: { key: SEED_COMPLETED_KEY } });
  if (done) return { seeded: false };

  const template = TEMPLATES[options.template];
  const now = options.now ?? new Date();
  const counts = await db.$transaction(
    async (tx) => {
      await applyTemplate(tx, template);
      const demoCounts = options.demo ? await seedDemoData(tx, { now }) : {};
      // Knowledge articles need their owners and approvers: seeded with the demo people.
      const knowledgeArticles = options.demo ? await seedKnowledge(tx, template.code, now) : 0;
      await tx.auditLog.create({
        data: {
          actorType: "system",
          action: "seed.apply_template",
          entityType: "setting",
          entityId: "industry.template",
          changes: { template: template.code, demo: options.demo },
          createdAt: now,
        },
      });
      // Written last: its presence means everything above committed together.
      await tx.setting.create({
        data: {
          key: SEED_COMPLETED_KEY,
          value: { at: now.toISOString(), template: template.code, demo: options.demo },
        },
      });
      const templateRows = template.channels.length + template.categories.length + template.slaPolicies.length;
      return { ...demoCounts, templateRows, knowledgeArticles };
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
  // Dashboards read precomputed KPI facts: fill them now rather than wait for the first job run.
  await refreshAllKpiFacts(db, { now });
  return { seeded: true, counts };
}
