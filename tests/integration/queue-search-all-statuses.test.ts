// Resolved complaints are findable (issue 15, item 3): a search covers every status in the reader's scope whatever the
// tab, "Recently closed" includes resolved complaints, and a full reference names the complaint to open.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { complaintNamedBy, listQueue } from "@/lib/complaints/queue";
import { queueFilterSchema } from "@/lib/complaints/schema";
import { transitionComplaint } from "@/lib/complaints/transition-complaint";
import { db } from "@/lib/db";
import { makeComplaint, makeCustomer, makeStaff, makeTeam } from "./factories";

let agent: Actor;
let outsider: Actor;
let resolved: { id: number; reference: string };
let otherTeams: { id: number; reference: string };
const customerName = `欧阳${randomBytes(2).toString("hex")}`;

const references = async (actor: Actor, filter: Record<string, unknown>) =>
  (await listQueue(actor, queueFilterSchema.parse({ limit: 100, ...filter }))).rows.map((row) => row.reference);

beforeAll(async () => {
  const [team, otherTeam] = [await makeTeam(), await makeTeam()];
  const staff = await makeStaff("agent", [team]);
  agent = staff.actor;
  outsider = (await makeStaff("agent", [otherTeam])).actor;
  const customer = await makeCustomer({ name: customerName });
  const made = await makeComplaint({
    customerId: customer.id,
    teamId: team.id,
    assigneeId: staff.user.id,
    status: "in_progress",
    subject: "托运行李延误到达",
  });
  const rootCause = await db.rootCause.create({
    data: { code: `RC-${randomBytes(2).toString("hex")}`, kind: "process", nameZh: "流程", nameEn: "Process" },
  });
  // Resolved just now through the service, as the agent would.
  const result = await transitionComplaint(agent, made.id, {
    version: made.version,
    to: "resolved",
    rootCauseId: rootCause.id,
    resolutionSummary: "行李已送达并致歉。",
  });
  if (!result.ok) throw new Error(result.message);
  resolved = { id: made.id, reference: made.reference };
  otherTeams = await makeComplaint({
    customerId: customer.id,
    teamId: otherTeam.id,
    status: "resolved",
    resolvedAt: new Date(),
  });
});

describe("search", () => {
  it("finds a just-resolved complaint from the 'My open' tab by reference and by the customer's name", async () => {
    expect(await references(agent, { queue: "mine", q: resolved.reference })).toEqual([resolved.reference]);
    expect(await references(agent, { queue: "mine", q: customerName })).toEqual([resolved.reference]);
    expect(await references(agent, { queue: "team", q: "托运行李" })).toEqual([resolved.reference]);
  });

  it("stays within the reader's scope: another team's complaint of the same customer is not found", async () => {
    expect(await references(agent, { queue: "mine", q: customerName })).not.toContain(otherTeams.reference);
    expect(await references(outsider, { queue: "mine", q: customerName })).toEqual([otherTeams.reference]);
  });

  it("without a search text the tab still lists only its own statuses", async () => {
    expect(await references(agent, { queue: "mine" })).not.toContain(resolved.reference);
  });
});

describe("Recently closed", () => {
  it("includes complaints resolved recently (they have no closedAt yet)", async () => {
    expect(await references(agent, { queue: "closed" })).toContain(resolved.reference);
  });
});

describe("a full reference", () => {
  it("names the complaint to open when the reader may see it, in any case and with spaces around", async () => {
    expect(await complaintNamedBy(agent, resolved.reference)).toBe(resolved.reference);
    expect(await complaintNamedBy(agent, ` ${resolved.reference.toLowerCase()} `)).toBe(resolved.reference);
  });

  it("names nothing outside the reader's scope, for a partial reference or for other text", async () => {
    expect(await complaintNamedBy(outsider, resolved.reference)).toBeNull();
    expect(await complaintNamedBy(agent, resolved.reference.slice(0, 10))).toBeNull();
    expect(await complaintNamedBy(agent, customerName)).toBeNull();
    expect(await complaintNamedBy(agent, undefined)).toBeNull();
  });
});
