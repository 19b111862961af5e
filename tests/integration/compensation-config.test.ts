// Compensation settings: enabled kinds enforced when proposing, limits per role, the points rate used for approval.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { compensationConfig, saveCompensationConfig } from "@/lib/compensation/config";
import { approvalLimitFor, needsApproval } from "@/lib/compensation/limits";
import { proposeCompensation } from "@/lib/compensation/service";
import { makeComplaint, makeCustomer, makeStaff, makeTeam } from "./factories";

describe("compensation settings", () => {
  it("validates, saves with an audit row, refuses a stale version and agents", async () => {
    const { actor } = await makeStaff("admin");
    const { actor: agent } = await makeStaff("agent");
    const config = await compensationConfig();
    expect(config.pointsPerCny).toBe(100);
    const input = {
      enabledKinds: ["refund", "miles"],
      limits: { ...config.limits, agent: "300" },
      pointsPerCny: 50,
      version: config.version,
    };
    expect(await saveCompensationConfig(agent, input)).toMatchObject({ ok: false, error: "forbidden" });
    expect(
      await saveCompensationConfig(actor, {
        ...input,
        enabledKinds: [],
        limits: { ...input.limits, agent: "-5" },
        pointsPerCny: 0,
      }),
    ).toMatchObject({
      ok: false,
      fields: { enabledKinds: ["kind_required"], "limits.agent": ["amount_format"], pointsPerCny: ["rate_range"] },
    });
    expect((await saveCompensationConfig(actor, input)).ok).toBe(true);
    expect(await saveCompensationConfig(actor, input)).toMatchObject({ ok: false, error: "conflict" });
    const saved = await compensationConfig();
    expect(saved).toMatchObject({ enabledKinds: ["refund", "miles"], pointsPerCny: 50, limits: { agent: "300.00" } });
    expect(await db.auditLog.count({ where: { action: "compensation_config.update" } })).toBe(1);

    // The rate now applies: 20,000 points = 400 CNY, above the agent's 300.
    const limit = await approvalLimitFor(db, "agent");
    expect(limit).toMatchObject({ amount: "300.00", pointsPerCny: 50 });
    expect(needsApproval("15000", "PTS", limit)).toBe(false);
    expect(needsApproval("20000", "PTS", limit)).toBe(true);

    // A disabled kind cannot be proposed.
    const team = await makeTeam();
    const { actor: teamAgent } = await makeStaff("agent", [team]);
    const customer = await makeCustomer();
    const complaint = await makeComplaint({ customerId: customer.id, teamId: team.id });
    expect(
      await proposeCompensation(teamAgent, {
        complaintId: complaint.id,
        kind: "voucher",
        amount: "100.00",
        currency: "CNY",
        reason: "Bag delayed three days.",
      }),
    ).toMatchObject({ ok: false, fields: { kind: ["disabled"] } });
    expect(
      (
        await proposeCompensation(teamAgent, {
          complaintId: complaint.id,
          kind: "refund",
          amount: "100.00",
          currency: "CNY",
          reason: "Bag delayed three days.",
        })
      ).ok,
    ).toBe(true);
  });
});
