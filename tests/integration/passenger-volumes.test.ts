// Passenger volumes: validation (non-negative integers, not more than a year ahead), permission, stale cells, audit.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { latestAllowedMonth, passengerVolumeGrid, savePassengerVolumes } from "@/lib/reference/passenger-volumes";
import { makeStaff } from "./factories";

const NOW = new Date("2026-11-23T10:00:00Z");

describe("passenger volumes", () => {
  it("saves, edits and clears months with an audit row; agents are refused", async () => {
    const { actor } = await makeStaff("admin");
    const { actor: agent } = await makeStaff("agent");
    expect(
      await savePassengerVolumes(agent, { entries: [{ month: "2026-10", passengers: 1, version: null }] }, NOW),
    ).toMatchObject({ ok: false, error: "forbidden" });

    expect(
      await savePassengerVolumes(
        actor,
        {
          entries: [
            { month: "2026-10", passengers: 1_250_000, version: null },
            { month: "2026-09", passengers: 1_180_000, version: null },
          ],
        },
        NOW,
      ),
    ).toMatchObject({ ok: true, saved: 2 });
    const grid = await passengerVolumeGrid(2026, NOW);
    const october = grid.find((cell) => cell.month === "2026-10");
    expect(october).toMatchObject({ passengers: 1_250_000, editable: true });
    expect(
      await savePassengerVolumes(
        actor,
        { entries: [{ month: "2026-10", passengers: null, version: october?.version ?? null }] },
        NOW,
      ),
    ).toMatchObject({ ok: true, saved: 1 });
    expect(await db.passengerVolume.count()).toBe(1);
    expect(await db.auditLog.count({ where: { action: "passenger_volume.update" } })).toBe(2);
  });

  it("refuses negative, fractional, badly formed and far-future months, and stale cells", async () => {
    const { actor } = await makeStaff("admin");
    expect(latestAllowedMonth(NOW)).toBe("2027-11");
    const bad = await savePassengerVolumes(
      actor,
      {
        entries: [
          { month: "2026-08", passengers: -1, version: null },
          { month: "2026-07", passengers: 1.5, version: null },
          { month: "2026-13", passengers: 1, version: null },
        ],
      },
      NOW,
    );
    expect(bad).toMatchObject({
      ok: false,
      error: "invalid",
      fields: {
        "entries.0.passengers": ["negative"],
        "entries.1.passengers": ["integer"],
        "entries.2.month": ["invalid_month"],
      },
    });
    expect(
      await savePassengerVolumes(actor, { entries: [{ month: "2027-12", passengers: 5, version: null }] }, NOW),
    ).toMatchObject({ ok: false, fields: { "entries.0.month": ["too_far_ahead"] } });
    expect(
      (await savePassengerVolumes(actor, { entries: [{ month: "2027-11", passengers: 5, version: null }] }, NOW)).ok,
    ).toBe(true);

    // Someone saved August after this admin loaded it as empty.
    await db.passengerVolume.create({ data: { month: new Date("2026-08-01T00:00:00Z"), passengers: 900 } });
    expect(
      await savePassengerVolumes(actor, { entries: [{ month: "2026-08", passengers: 1000, version: null }] }, NOW),
    ).toMatchObject({ ok: false, error: "conflict", details: { months: ["2026-08"] } });
    expect(
      (await db.passengerVolume.findUniqueOrThrow({ where: { month: new Date("2026-08-01T00:00:00Z") } })).passengers,
    ).toBe(900);
  });
});
