// Issue 15 item 11: a list drilled down from a dashboard figure says how many complaints it holds in all — the same
// number as the rows of all its pages together.
import { beforeAll, describe, expect, it } from "vitest";
import { countQueue, listQueue } from "@/lib/complaints/queue";
import { queueFilterSchema } from "@/lib/complaints/schema";
import type { Actor } from "@/lib/auth/permissions";
import { makeComplaint, makeCustomer, makeStaff, makeTeam } from "./factories";

let manager: Actor;
let agent: Actor;

beforeAll(async () => {
  const team = await makeTeam();
  const otherTeam = await makeTeam();
  manager = (await makeStaff("manager")).actor;
  agent = (await makeStaff("agent", [team])).actor;
  const customer = await makeCustomer();
  const inPeriod = new Date("2026-11-10T04:00:00Z");
  for (let index = 0; index < 7; index += 1)
    await makeComplaint({ customerId: customer.id, teamId: index < 4 ? team.id : otherTeam.id, createdAt: inPeriod });
  await makeComplaint({ customerId: customer.id, teamId: team.id, createdAt: new Date("2026-10-01T04:00:00Z") });
});

describe("drill-down total", () => {
  it("counts every complaint of the drilled list across pages, within the reader's scope", async () => {
    const filter = queueFilterSchema.parse({ kpi: "inflow", from: "2026-11-01", to: "2026-11-30", limit: "3" });
    expect(await countQueue(manager, filter)).toBe(7);
    let rows = 0;
    let cursor: string | undefined;
    do {
      const page = await listQueue(manager, { ...filter, cursor });
      rows += page.rows.length;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(rows).toBe(7);
    expect(await countQueue(agent, filter)).toBe(4);
  });
});
