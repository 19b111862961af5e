// The seed: runs once per database, produces the demo world the spec describes, and the demo password signs in.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "../../lib/auth/password";
import type { Db } from "../../lib/db";
import { ComplaintStatus } from "../../lib/generated/prisma/enums";
import { createSeedClient } from "../../prisma/seed/client";
import { DEMO_LOGINS, DEMO_PASSWORD } from "../../prisma/seed/demo-logins";
import { seed, type SeedResult } from "../../prisma/seed/index";

const DAY = 86_400_000;
const now = new Date();
let db: Db;
let first: SeedResult;
let second: SeedResult;

beforeAll(async () => {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL must point at a fresh, migrated database");
  db = createSeedClient(url);
  first = await seed(db, { template: "airline", demo: true, now });
  second = await seed(db, { template: "airline", demo: true, now });
}, 120_000);

afterAll(async () => {
  await db?.$disconnect();
});

describe("seed", () => {
  it("seeds once and is a no-op the second time", async () => {
    expect(first.seeded).toBe(true);
    expect(second).toEqual({ seeded: false });
    expect(await db.complaint.count()).toBe(first.seeded ? first.counts.complaints : -1);
    expect(await db.setting.findUnique({ where: { key: "seed.completed" } })).not.toBeNull();
  });

  it("installs the airline template's reference data", async () => {
    expect(await db.setting.findUnique({ where: { key: "industry.template" } })).toMatchObject({ value: "airline" });
    expect(await db.channel.findUnique({ where: { code: "caac-12326" } })).toMatchObject({ isRegulator: true });
    expect(await db.severity.findUnique({ where: { code: "critical" } })).toMatchObject({ escalateOnCreate: true });
    const complaintPolicy = await db.slaPolicy.findUnique({
      where: { code: "airline-complaint" },
      include: { targets: true },
    });
    expect(complaintPolicy?.targets).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ clock: "first_response", minutes: 60 }),
        expect.objectContaining({ clock: "resolution", minutes: 48 * 60 }),
      ]),
    );
    expect(await db.calendarHoliday.count({ where: { kind: "workday" } })).toBeGreaterThan(0);
    expect(await db.surveyText.count()).toBeGreaterThanOrEqual(16);
  });

  it("creates four teams and one demo user per role", async () => {
    expect(await db.team.count()).toBe(4);
    for (const login of DEMO_LOGINS) {
      const user = await db.user.findUnique({ where: { email: login.email } });
      expect(user?.role).toBe(login.role);
    }
  });

  it("stores a password hash the demo password verifies against", async () => {
    const agent = await db.user.findUniqueOrThrow({
      where: { email: "agent@skyline.example" },
      omit: { passwordHash: false },
    });
    expect(agent.passwordHash).toBeTruthy();
    expect(await verifyPassword(DEMO_PASSWORD, agent.passwordHash ?? "")).toBe(true);
    expect(await verifyPassword("wrong password", agent.passwordHash ?? "")).toBe(false);
  });

  it("creates enough customers and complaints, in every status, within the last 120 days", async () => {
    expect(await db.customer.count()).toBeGreaterThanOrEqual(55);
    expect(await db.complaint.count()).toBeGreaterThanOrEqual(380);
    const statuses = await db.complaint.groupBy({ by: ["status"], _count: true });
    expect(statuses.map((row) => row.status).sort()).toEqual(Object.values(ComplaintStatus).sort());
    const range = await db.complaint.aggregate({ _min: { createdAt: true }, _max: { createdAt: true } });
    expect(range._min.createdAt?.getTime()).toBeGreaterThanOrEqual(now.getTime() - 120 * DAY);
    expect(range._max.createdAt?.getTime()).toBeLessThanOrEqual(now.getTime());
  });

  it("gives every resolved or closed complaint a resolution time and a root cause", async () => {
    const incomplete = await db.complaint.count({
      where: { status: { in: ["resolved", "closed"] }, OR: [{ resolvedAt: null }, { rootCauseId: null }] },
    });
    expect(incomplete).toBe(0);
    expect(await db.complaint.count({ where: { status: "duplicate", duplicateOfId: null } })).toBe(0);
  });

  it("records rejections, merges and their clocks as the app does (closed at, cancelled clocks), so they count as done", async () => {
    // Clocks stopped by a rejection or merge are cancelled, not fulfilled (issue 15, item 16).
    const cancelled = await db.slaClock.findMany({
      where: { events: { some: { kind: "cancelled" } } },
      select: { fulfilledAt: true, cancelledAt: true },
    });
    expect(cancelled.length).toBeGreaterThan(0);
    expect(cancelled.filter((clock) => clock.fulfilledAt !== null || clock.cancelledAt === null)).toEqual([]);
    expect(await db.complaint.count({ where: { status: { in: ["rejected", "duplicate"] }, closedAt: null } })).toBe(0);
    // Backlog now, from the status history, is exactly the complaints open now (no rejection counts as open).
    const open = await db.complaint.count({
      where: { status: { in: ["new", "acknowledged", "in_progress", "pending_customer", "reopened"] } },
    });
    const [row] = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM kpi_complaint_facts f WHERE NOT EXISTS (
        SELECT 1 FROM kpi_done_spans s WHERE s."complaintId" = f."complaintId" AND s."doneAt" <= ${now} AND (s."reopenedAt" IS NULL OR s."reopenedAt" > ${now}))`;
    expect(row?.n).toBe(open);
  });

  it("resolves a realistic share of the simple complaints at first contact, with a consistent timeline", async () => {
    const resolved = await db.complaint.findMany({
      // Complaints resolved in bulk by an incident run are not first-contact cases; the past disruption has 1,000.
      where: { status: { in: ["resolved", "closed"] }, NOT: { incident: { runs: { some: { kind: "resolve" } } } } },
      select: {
        firstResponseAt: true,
        resolvedAt: true,
        customerReplyCount: true,
        escalations: { select: { id: true, createdAt: true } },
        kpiFact: { select: { fcr: true } },
        events: {
          where: { kind: "reply", visibility: "customer" },
          select: { createdAt: true },
          orderBy: { createdAt: "asc" },
        },
        slaClocks: { select: { kind: true, fulfilledAt: true } },
      },
    });
    // Simple: never escalated, never reopened (the reopened target status is not in this set).
    const simple = resolved.filter((complaint) => complaint.escalations.length === 0);
    const firstContact = simple.filter((complaint) => complaint.customerReplyCount === 1);
    const share = firstContact.length / simple.length;
    expect(share).toBeGreaterThan(0.5);
    expect(share).toBeLessThan(0.75);
    for (const complaint of firstContact) {
      // The resolution reply is the first (and only) customer-facing reply: first response and resolution coincide,
      // and both clocks stopped there.
      expect(complaint.kpiFact?.fcr).toBe(true);
      expect(complaint.events.map((event) => event.createdAt)).toEqual([complaint.resolvedAt]);
      expect(complaint.firstResponseAt).toEqual(complaint.resolvedAt);
      const fulfilled = Object.fromEntries(complaint.slaClocks.map((clock) => [clock.kind, clock.fulfilledAt]));
      expect(fulfilled).toEqual({ first_response: complaint.firstResponseAt, resolution: complaint.resolvedAt });
    }
    // Everyone else: the first customer-facing reply is the first response, before the resolution.
    for (const complaint of resolved.filter((row) => row.customerReplyCount > 1)) {
      expect(complaint.events[0]?.createdAt).toEqual(complaint.firstResponseAt);
      expect(complaint.kpiFact?.fcr).toBe(false);
    }
    const fcr = resolved.filter((complaint) => complaint.kpiFact?.fcr).length / resolved.length;
    expect(fcr).toBeGreaterThan(0.3);
    // Nobody escalates a complaint that is already resolved.
    const late = resolved.filter((complaint) =>
      complaint.escalations.some((escalation) => complaint.resolvedAt && escalation.createdAt > complaint.resolvedAt),
    );
    expect(late).toEqual([]);
  });

  it("numbers complaints CMP-YYYY-NNNNNN, uniquely, with the sequence counters in step", async () => {
    const complaints = await db.complaint.findMany({ select: { reference: true } });
    for (const { reference } of complaints) expect(reference).toMatch(/^CMP-\d{4}-\d{6}$/);
    expect(new Set(complaints.map((complaint) => complaint.reference)).size).toBe(complaints.length);
    for (const sequence of await db.complaintSequence.findMany()) {
      const prefix = `CMP-${sequence.year}-`;
      const highest = complaints
        .filter((c) => c.reference.startsWith(prefix))
        .map((c) => Number(c.reference.slice(prefix.length)));
      expect(Math.max(...highest)).toBe(sequence.last);
    }
  });

  it("records survey responses with CSAT between 1 and 5, mostly satisfied", async () => {
    const responses = await db.surveyResponse.findMany({ select: { csat: true } });
    expect(responses.length).toBeGreaterThan(0);
    for (const { csat } of responses) {
      expect(csat).toBeGreaterThanOrEqual(1);
      expect(csat).toBeLessThanOrEqual(5);
    }
    const satisfied = responses.filter(({ csat }) => (csat ?? 0) >= 4).length / responses.length;
    expect(satisfied).toBeGreaterThan(0.6);
  });

  it("seeds a past 1,000-complaint disruption: declared, linked, updated, resolved and closed, following its plan", async () => {
    const incident = await db.incident.findFirstOrThrow({
      where: { status: "closed", level: "L1" },
      select: { id: true, plan: { select: { checks: true } }, _count: { select: { complaints: true } } },
    });
    expect(incident._count.complaints).toBe(1_000);
    // The disruption's customers are ones its teams already serve: customers of the demo agent's other teams stay
    // out of the agent's scope (tests/e2e/error-status.spec.ts and the Customer 360 checks need one).
    const outside = await db.$queryRaw<{ id: number }[]>`
      SELECT c.id FROM customers c
      WHERE EXISTS (SELECT 1 FROM complaints k WHERE k."customerId" = c.id)
        AND NOT EXISTS (SELECT 1 FROM complaints k JOIN team_memberships m ON m."teamId" = k."teamId" JOIN users u ON u.id = m."userId"
                        WHERE k."customerId" = c.id AND u.email = 'agent@skyline.example')
        AND NOT EXISTS (SELECT 1 FROM complaints k JOIN users u ON u.id = k."assigneeId" WHERE k."customerId" = c.id AND u.email = 'agent@skyline.example')
      LIMIT 1`;
    expect(outside).toHaveLength(1);
    expect(await db.complaint.count({ where: { incidentId: incident.id, status: { not: "closed" } } })).toBe(0);
    expect(
      await db.complaintEvent.count({
        where: { complaint: { incidentId: incident.id }, kind: "reply", visibility: "customer" },
      }),
    ).toBe(2_000);
    expect(await db.incidentNotice.count({ where: { run: { incidentId: incident.id } } })).toBe(1_000);
    expect(incident.plan?.checks.length).toBeGreaterThan(0);
    const drill = await db.planDrill.findFirst({ select: { actions: true } });
    expect(drill?.actions).toHaveLength(1);
  });

  it("links an active incident to its wave of complaints", async () => {
    const incident = await db.incident.findFirst({
      where: { status: "active" },
      include: { _count: { select: { complaints: true } } },
    });
    expect(incident?._count.complaints).toBeGreaterThanOrEqual(10);
  });

  it("seeds three months of inspections and appraisals, with a queue, appeals and a calibration case", async () => {
    const months = await db.inspection.findMany({ distinct: ["month"], select: { month: true } });
    expect(months).toHaveLength(3);
    expect(await db.appraisal.findMany({ distinct: ["month"], select: { month: true } })).toHaveLength(3);
    const agent = await db.user.findUniqueOrThrow({
      where: { email: DEMO_LOGINS.find((login) => login.role === "agent")!.email },
    });
    expect(await db.inspection.count({ where: { agentId: agent.id, status: "pending" } })).toBeGreaterThan(0);
    expect(await db.inspection.count({ where: { status: "appealed" } })).toBe(1);
    expect(await db.inspection.count({ where: { appealDecision: { in: ["upheld", "rejected"] } } })).toBe(2);
    expect(await db.inspectionScore.count({ where: { kind: "calibration" } })).toBeGreaterThanOrEqual(1);
    // No complaint is inspected twice (unique key) and every appraisal of a team has ranks 1..n with one rank 1.
    const ranks = await db.appraisal.groupBy({ by: ["teamId", "month"], _min: { rank: true } });
    expect(ranks.every((group) => group._min.rank === 1)).toBe(true);
  });

  it("gives every closed incident its review, with figures and a linked improvement action", async () => {
    const closed = await db.incident.findMany({
      where: { status: "closed" },
      select: {
        id: true,
        review: { select: { figures: true, summary: true } },
        _count: { select: { complaints: true, improvementActions: true } },
      },
    });
    expect(closed.length).toBeGreaterThan(0);
    for (const incident of closed) {
      expect(incident.review?.figures).toMatchObject({ linked: incident._count.complaints });
      expect(incident.review?.summary).toContain("首次报告");
      expect(incident._count.improvementActions).toBeGreaterThanOrEqual(1);
    }
  });
});
