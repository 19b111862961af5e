// SLA admin services: policies and calendars (audit, optimistic locking on updatedAt, last-default rule) and previews.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createCalendar, updateCalendar } from "@/lib/sla/admin/calendar-service";
import { createPolicy, updatePolicy } from "@/lib/sla/admin/policy-service";
import { previewCalendarDraft, previewPolicyDraft } from "@/lib/sla/admin/preview-service";
import { makeChannel, makeSeverity, makeStaff } from "@/tests/integration/factories";

const OFFICE = {
  "1": [["09:00", "18:00"]],
  "2": [["09:00", "18:00"]],
  "3": [["09:00", "18:00"]],
  "4": [["09:00", "18:00"]],
  "5": [["09:00", "18:00"]],
};

function calendarInput(overrides: Record<string, unknown> = {}) {
  return {
    code: `office-${Math.random().toString(36).slice(2, 8)}`,
    nameZh: "工作日",
    nameEn: "Office",
    timeZone: "Asia/Shanghai",
    is24x7: false,
    workingHours: OFFICE,
    holidays: [],
    ...overrides,
  };
}

async function world() {
  const { actor } = await makeStaff("admin");
  const calendar = await db.businessCalendar.create({
    data: {
      code: `24x7-${Math.random().toString(36).slice(2, 8)}`,
      nameZh: "全天",
      nameEn: "24×7",
      is24x7: true,
      workingHours: {},
    },
  });
  const severity = await makeSeverity();
  const critical = await db.severity.create({
    data: { code: `critical-${Math.random().toString(36).slice(2, 8)}`, nameZh: "紧急", nameEn: "Critical", rank: 1 },
  });
  const channel = await makeChannel();
  const policyInput = (overrides: Record<string, unknown> = {}) => ({
    code: `p-${Math.random().toString(36).slice(2, 8)}`,
    nameZh: "默认",
    nameEn: "Default",
    rank: 1000,
    active: true,
    isDefault: false,
    matchType: null,
    matchSeverityId: null,
    matchPriority: null,
    matchTierId: null,
    matchChannelId: null,
    calendarId: calendar.id,
    warnPercent: 75,
    pauseOnPending: true,
    targets: { first_response: 60, resolution: 48 * 60 },
    ...overrides,
  });
  return { actor, calendar, severity, critical, channel, policyInput };
}

describe("SLA policy administration", () => {
  it("creates a policy with its targets and an audit row; agents are refused", async () => {
    const w = await world();
    const created = await createPolicy(w.actor, w.policyInput({ isDefault: true }));
    if (!created.ok) throw new Error(JSON.stringify(created));
    const row = await db.slaPolicy.findUniqueOrThrow({ where: { id: created.policy.id }, include: { targets: true } });
    expect(row.isDefault).toBe(true);
    expect(row.targets.map((t) => [t.clock, t.minutes]).sort()).toEqual([
      ["first_response", 60],
      ["resolution", 2880],
    ]);
    expect(
      await db.auditLog.count({
        where: { action: "sla_policy.create", entityId: String(row.id), actorId: w.actor.userId },
      }),
    ).toBe(1);

    const { actor: agent } = await makeStaff("agent");
    expect(await createPolicy(agent, w.policyInput())).toMatchObject({ ok: false, error: "forbidden" });
  });

  it("reports field errors: warn percent range, empty target, unknown severity, taken code", async () => {
    const w = await world();
    const first = await createPolicy(w.actor, w.policyInput());
    if (!first.ok) throw new Error(first.message);
    const bad = await createPolicy(w.actor, w.policyInput({ warnPercent: 100, targets: { resolution: 0 } }));
    expect(bad).toMatchObject({
      ok: false,
      error: "invalid",
      fields: { warnPercent: ["percent_range"], "targets.resolution": ["target_positive"] },
    });
    const unknown = await createPolicy(w.actor, w.policyInput({ code: first.policy.code, matchSeverityId: 999_999 }));
    expect(unknown).toMatchObject({
      ok: false,
      error: "invalid",
      fields: { matchSeverityId: ["unknown"], code: ["taken"] },
    });
  });

  it("updates with the loaded updatedAt, replaces the targets, and refuses a stale version", async () => {
    const w = await world();
    const created = await createPolicy(
      w.actor,
      w.policyInput({ targets: { first_response: 60, resolution: 2880, acknowledge: 10 } }),
    );
    if (!created.ok) throw new Error(created.message);
    const version = created.policy.updatedAt;
    const updated = await updatePolicy(w.actor, created.policy.id, {
      ...w.policyInput({
        code: created.policy.code,
        warnPercent: 80,
        targets: { resolution: 1440, regulator: 7 * 540 },
      }),
      version,
    });
    if (!updated.ok) throw new Error(JSON.stringify(updated));
    const row = await db.slaPolicy.findUniqueOrThrow({ where: { id: created.policy.id }, include: { targets: true } });
    expect(row.warnPercent).toBe(80);
    expect(row.targets.map((t) => [t.clock, t.minutes]).sort()).toEqual([
      ["regulator", 3780],
      ["resolution", 1440],
    ]);
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "sla_policy.update", entityId: String(row.id) },
    });
    expect(audit.changes).toMatchObject({ warnPercent: { from: 75, to: 80 } });

    // A second editor still holding the first version is refused and changes nothing.
    const stale = await updatePolicy(w.actor, created.policy.id, {
      ...w.policyInput({ code: created.policy.code, warnPercent: 50, targets: { resolution: 60 } }),
      version,
    });
    expect(stale).toMatchObject({ ok: false, error: "conflict" });
    const after = await db.slaPolicy.findUniqueOrThrow({
      where: { id: created.policy.id },
      include: { targets: true },
    });
    expect(after.warnPercent).toBe(80);
    expect(after.targets).toHaveLength(2);
  });

  it("keeps exactly one active default: the last one cannot be unset or deactivated; a new default takes the flag", async () => {
    const w = await world();
    const only = await createPolicy(w.actor, w.policyInput({ isDefault: true }));
    if (!only.ok) throw new Error(only.message);
    const base = { ...w.policyInput({ code: only.policy.code }), version: only.policy.updatedAt };
    expect(await updatePolicy(w.actor, only.policy.id, { ...base, isDefault: false })).toMatchObject({
      ok: false,
      error: "unprocessable",
      fields: { isDefault: ["last_default"] },
    });
    expect(await updatePolicy(w.actor, only.policy.id, { ...base, isDefault: true, active: false })).toMatchObject({
      ok: false,
      error: "unprocessable",
      fields: { active: ["last_default"] },
    });

    const next = await createPolicy(w.actor, w.policyInput({ isDefault: true }));
    if (!next.ok) throw new Error(next.message);
    const defaults = await db.slaPolicy.findMany({ where: { isDefault: true, active: true }, select: { id: true } });
    expect(defaults.map((p) => p.id)).toEqual([next.policy.id]);
  });

  it("previews which policy a sample gets, with the draft replacing its saved version, and the due times", async () => {
    const w = await world();
    await db.slaPolicy.updateMany({ data: { active: false } }); // policies of the earlier tests in this file's database
    const fallback = await createPolicy(w.actor, w.policyInput({ isDefault: true, nameEn: "Default" }));
    const critical = await createPolicy(
      w.actor,
      w.policyInput({
        nameEn: "Critical",
        rank: 10,
        matchSeverityId: w.critical.id,
        targets: { first_response: 60, next_update: 240, resolution: 1440 },
      }),
    );
    if (!fallback.ok || !critical.ok) throw new Error("setup failed");
    const sample = {
      type: "complaint",
      severityId: w.critical.id,
      priority: "urgent",
      tierId: null,
      channelId: w.channel.id,
      createdAt: "2026-11-23T02:00:00.000Z",
    };

    // Editing the default policy: a critical sample still gets the critical policy, because severity matches.
    const draftOfDefault = w.policyInput({ code: fallback.policy.code, isDefault: true, targets: { resolution: 120 } });
    const picked = await previewPolicyDraft(w.actor, { policyId: fallback.policy.id, draft: draftOfDefault, sample });
    if (!picked.ok || !picked.preview) throw new Error(JSON.stringify(picked));
    expect(picked.preview.policy).toMatchObject({ id: critical.policy.id, isDraft: false });
    expect(picked.preview.matchedOn).toEqual(["severity"]);
    expect(picked.preview.clocks).toEqual([
      {
        kind: "first_response",
        targetMinutes: 60,
        dueAt: "2026-11-23T03:00:00.000Z",
        warnAt: "2026-11-23T02:45:00.000Z",
      },
      {
        kind: "resolution",
        targetMinutes: 1440,
        dueAt: "2026-11-24T02:00:00.000Z",
        warnAt: "2026-11-23T20:00:00.000Z",
      },
    ]);
    expect(picked.preview.waitingClocks).toEqual([{ kind: "next_update", targetMinutes: 240 }]);

    // A routine sample falls back to the default, and sees the draft's unsaved targets.
    const routine = await previewPolicyDraft(w.actor, {
      policyId: fallback.policy.id,
      draft: draftOfDefault,
      sample: { ...sample, severityId: w.severity.id },
    });
    if (!routine.ok || !routine.preview) throw new Error(JSON.stringify(routine));
    expect(routine.preview).toMatchObject({
      fallback: true,
      matchedOn: [],
      policy: { id: fallback.policy.id, isDraft: true },
    });
    expect(routine.preview.clocks).toEqual([
      { kind: "resolution", targetMinutes: 120, dueAt: "2026-11-23T04:00:00.000Z", warnAt: "2026-11-23T03:30:00.000Z" },
    ]);

    // Deactivating the critical policy in the draft sends the critical sample to the default.
    const draftOfCritical = w.policyInput({
      code: critical.policy.code,
      active: false,
      matchSeverityId: w.critical.id,
    });
    const deactivated = await previewPolicyDraft(w.actor, {
      policyId: critical.policy.id,
      draft: draftOfCritical,
      sample,
    });
    expect(deactivated).toMatchObject({ ok: true, preview: { policy: { id: fallback.policy.id }, fallback: true } });
  });
});

describe("business calendar administration", () => {
  it("creates a calendar with holidays and audit; rejects bad working hours with field errors per weekday", async () => {
    const { actor } = await makeStaff("admin");
    const created = await createCalendar(
      actor,
      calendarInput({
        holidays: [
          { date: "2026-10-01", kind: "holiday", name: "国庆节" },
          { date: "2026-10-10", kind: "workday", name: "国庆节调休上班" },
        ],
      }),
    );
    if (!created.ok) throw new Error(JSON.stringify(created));
    expect(await db.calendarHoliday.count({ where: { calendarId: created.calendar.id } })).toBe(2);
    expect(
      await db.auditLog.count({ where: { action: "business_calendar.create", entityId: String(created.calendar.id) } }),
    ).toBe(1);

    const bad = await createCalendar(
      actor,
      calendarInput({
        timeZone: "Mars/Olympus",
        workingHours: {
          "1": [["18:00", "09:00"]],
          "2": [
            ["09:00", "12:00"],
            ["11:00", "18:00"],
          ],
          "3": [["9:00", "18:00"]],
        },
      }),
    );
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.error).toBe("invalid");
    expect(Object.keys(bad.fields ?? {}).sort()).toEqual([
      "timeZone",
      "workingHours.1.0",
      "workingHours.2",
      "workingHours.3.0",
      "workingHours.3.0.0",
    ]);
    expect(bad.fields?.["workingHours.2"]).toEqual(["overlap"]);
    expect(await createCalendar(actor, calendarInput({ workingHours: {} }))).toMatchObject({
      ok: false,
      fields: { workingHours: ["no_hours"] },
    });
  });

  it("updates from the loaded version, replacing the holidays atomically; a stale version conflicts", async () => {
    const { actor } = await makeStaff("admin");
    const input = calendarInput({ holidays: [{ date: "2026-10-01", kind: "holiday", name: "国庆节" }] });
    const created = await createCalendar(actor, input);
    if (!created.ok) throw new Error(created.message);
    const version = created.calendar.updatedAt;
    const updated = await updateCalendar(actor, created.calendar.id, {
      ...input,
      workingHours: { ...OFFICE, "6": [["09:00", "12:00"]] },
      holidays: [{ date: "2027-01-01", kind: "holiday", name: "元旦" }],
      version,
    });
    if (!updated.ok) throw new Error(JSON.stringify(updated));
    const holidays = await db.calendarHoliday.findMany({ where: { calendarId: created.calendar.id } });
    expect(holidays.map((h) => h.date.toISOString().slice(0, 10))).toEqual(["2027-01-01"]);
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "business_calendar.update", entityId: String(created.calendar.id) },
    });
    expect(audit.changes).toHaveProperty("workingHours");
    expect(audit.changes).toHaveProperty("holidays");

    const stale = await updateCalendar(actor, created.calendar.id, { ...input, holidays: [], version });
    expect(stale).toMatchObject({ ok: false, error: "conflict" });
    expect(await db.calendarHoliday.count({ where: { calendarId: created.calendar.id } })).toBe(1);
  });

  it("previews the next working periods of a Mon–Fri 09:00–18:00 Asia/Shanghai calendar (hand-checked)", async () => {
    const { actor } = await makeStaff("admin");
    // Friday 2026-11-20 17:00 in Shanghai (09:00 UTC); Tuesday 24th is marked a holiday.
    const draft = calendarInput({ holidays: [{ date: "2026-11-24", kind: "holiday", name: "Test holiday" }] });
    const result = await previewCalendarDraft(actor, { draft, from: "2026-11-20T17:00:00+08:00", hours: 11 });
    if (!result.ok) throw new Error(JSON.stringify(result));
    const { periods, endsAt, timeZone } = result.preview;
    expect(timeZone).toBe("Asia/Shanghai");
    expect(periods).toHaveLength(10);
    expect(periods.slice(0, 4)).toEqual([
      { start: "2026-11-20T09:00:00.000Z", end: "2026-11-20T10:00:00.000Z" }, // Fri 17:00–18:00 (clipped to the start)
      { start: "2026-11-23T01:00:00.000Z", end: "2026-11-23T10:00:00.000Z" }, // Mon 09:00–18:00
      { start: "2026-11-25T01:00:00.000Z", end: "2026-11-25T10:00:00.000Z" }, // Wed (Tue is a holiday)
      { start: "2026-11-26T01:00:00.000Z", end: "2026-11-26T10:00:00.000Z" }, // Thu
    ]);
    // 1 h on Friday + 9 h on Monday + 1 h on Wednesday: Wed 10:00 Shanghai.
    expect(endsAt).toBe("2026-11-25T02:00:00.000Z");

    const bad = await previewCalendarDraft(actor, {
      draft: calendarInput({ workingHours: { "1": [["25:00", "26:00"]] } }),
      from: "2026-11-20T17:00:00+08:00",
      hours: 1,
    });
    expect(bad).toMatchObject({ ok: false, error: "invalid" });
    if (!bad.ok) expect(Object.keys(bad.fields ?? {})).toContain("draft.workingHours.1.0.0");
  });
});
