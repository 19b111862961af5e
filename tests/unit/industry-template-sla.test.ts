// Issue 15 item 18: the industry templates' SLA policies say what SPEC §4 quotes from the handbooks, checked by
// matching complaints against the template's own policies (lib/sla/policy-match.ts, as intake does).
import { describe, expect, it } from "vitest";
import { matchPolicy, type PolicyCandidate } from "@/lib/sla/policy-match";
import type { ComplaintType, Priority } from "@/lib/generated/prisma/enums";
import { airlineTemplate } from "@/prisma/seed/templates/airline";
import { travelTemplate } from "@/prisma/seed/templates/travel";
import { enterpriseTemplate } from "@/prisma/seed/templates/enterprise";
import { OFFICE_DAY_MINUTES } from "@/prisma/seed/templates/calendars";
import type { IndustryTemplate } from "@/prisma/seed/templates/types";

const HOUR = 60;

/** Codes become ids by position, as if the template were applied to an empty database. */
function policiesOf(template: IndustryTemplate) {
  const id = (codes: { code: string }[], code?: string) =>
    code === undefined ? null : codes.findIndex((row) => row.code === code) + 1;
  return template.slaPolicies.map(
    (policy, index) =>
      ({
        ...policy,
        id: index + 1,
        isDefault: policy.isDefault ?? false,
        active: true,
        matchType: policy.matchType ?? null,
        matchSeverityId: id(template.severities, policy.matchSeverityCode),
        matchPriority: policy.matchPriority ?? null,
        matchTierId: id(template.tiers, policy.matchTierCode),
        matchChannelId: id(template.channels, policy.matchChannelCode),
      }) satisfies PolicyCandidate & { targets: IndustryTemplate["slaPolicies"][number]["targets"] },
  );
}

function policyFor(
  template: IndustryTemplate,
  complaint: { type: ComplaintType; severity: string; channel: string; priority?: Priority },
) {
  const severityId = template.severities.findIndex((row) => row.code === complaint.severity) + 1;
  const channelId = template.channels.findIndex((row) => row.code === complaint.channel) + 1;
  expect(severityId).toBeGreaterThan(0);
  expect(channelId).toBeGreaterThan(0);
  const match = matchPolicy(policiesOf(template), {
    type: complaint.type,
    severityId,
    channelId,
    priority: complaint.priority ?? "normal",
    tierId: null,
  });
  if (!match) throw new Error("no policy");
  return match.policy;
}

describe("airline template (SPEC §4, handbooks 000/003)", () => {
  it("yellow (general) complaints are handled within 24 h, on every channel; phone and counter keep the 10-minute acknowledgement", () => {
    for (const channel of ["web", "email", "phone", "counter", "app"]) {
      if (!airlineTemplate.channels.some((row) => row.code === channel)) continue;
      expect(policyFor(airlineTemplate, { type: "complaint", severity: "yellow", channel }).targets.resolution).toBe(
        24 * HOUR,
      );
    }
    expect(
      policyFor(airlineTemplate, { type: "complaint", severity: "yellow", channel: "phone" }).targets.acknowledge,
    ).toBe(10);
    expect(
      policyFor(airlineTemplate, { type: "complaint", severity: "yellow", channel: "counter" }).targets.acknowledge,
    ).toBe(10);
    expect(
      policyFor(airlineTemplate, { type: "complaint", severity: "green", channel: "web" }).targets.resolution,
    ).toBe(48 * HOUR);
  });

  it("every complaint has a written-reply deadline of 7 working days, not only letters", () => {
    for (const severity of airlineTemplate.severities.map((row) => row.code)) {
      for (const channel of airlineTemplate.channels.map((row) => row.code)) {
        const policy = policyFor(airlineTemplate, { type: "complaint", severity, channel });
        const written = policy.targets.written_reply;
        expect(written, `${severity}/${channel} → ${policy.code}`).toBeDefined();
        // 7 working days: on the office calendar exactly, on 24×7 as nine calendar days (one weekend).
        expect(written).toBe(policy.calendarCode === "office-cn" ? 7 * OFFICE_DAY_MINUTES : 9 * 24 * HOUR);
      }
    }
  });

  it("progress updates: critical every 4 h, the others within 1–3 days", () => {
    expect(
      policyFor(airlineTemplate, { type: "complaint", severity: "critical", channel: "web" }).targets.next_update,
    ).toBe(4 * HOUR);
    for (const severity of ["red", "yellow", "green"]) {
      const nextUpdate =
        policyFor(airlineTemplate, { type: "complaint", severity, channel: "web" }).targets.next_update ?? 0;
      expect(nextUpdate).toBeGreaterThanOrEqual(24 * HOUR);
      expect(nextUpdate).toBeLessThanOrEqual(72 * HOUR);
    }
  });
});

describe("travel template (handbook 002)", () => {
  it("inquiries are answered within 10 minutes", () => {
    expect(
      policyFor(travelTemplate, { type: "inquiry", severity: "general", channel: "web" }).targets.first_response,
    ).toBe(10);
  });

  it("complaints keep their own targets: major handled within 48 h, the standard 72 h", () => {
    expect(policyFor(travelTemplate, { type: "complaint", severity: "major", channel: "web" }).targets.resolution).toBe(
      48 * HOUR,
    );
    expect(
      policyFor(travelTemplate, { type: "complaint", severity: "general", channel: "web" }).targets.resolution,
    ).toBe(72 * HOUR);
  });
});

describe("enterprise template (handbook 004)", () => {
  it("record within 24 h, solution feedback within 48 h", () => {
    const standard = policyFor(enterpriseTemplate, {
      type: "complaint",
      severity: enterpriseTemplate.severities.at(-1)!.code,
      channel: enterpriseTemplate.channels[0]!.code,
    });
    expect(standard.targets).toMatchObject({ acknowledge: 24 * HOUR, resolution: 48 * HOUR });
  });
});
