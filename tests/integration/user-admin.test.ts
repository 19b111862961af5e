// User and team administration, set-password links and PII reveal: the services against the real database.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { inviteUser, resendInvite } from "@/lib/users/invite-user";
import { setUserActive } from "@/lib/users/set-user-active";
import { updateUser } from "@/lib/users/update-user";
import { createTeam, setTeamActive, updateTeam } from "@/lib/users/team-service";
import { teamSchema } from "@/lib/users/admin-schema";
import { setPasswordWithToken, viewPasswordToken } from "@/lib/auth/password-tokens";
import { authenticate } from "@/lib/auth/sign-in";
import { revealPii, logApiPiiRead } from "@/lib/privacy/reveal";
import { listPiiAccess } from "@/lib/privacy/access-log";
import { makeComplaint, makeCustomer, makeStaff, makeTeam } from "./factories";

const tokenOf = (url: string) => decodeURIComponent(url.split("/set-password/")[1] ?? "");
const unique = () => Math.random().toString(36).slice(2, 8);

describe("inviting a user", () => {
  it("creates the user without a password, queues the e-mail, and the link sets a password once", async () => {
    const { actor } = await makeStaff("admin");
    const team = await makeTeam();
    const email = `new-${unique()}@test.example`;
    const result = await inviteUser(actor, {
      name: "新同事",
      email: email.toUpperCase(),
      role: "agent",
      locale: "zh-CN",
      teamIds: [team.id],
    });
    if (!result.ok) throw new Error(result.message);
    const user = await db.user.findUniqueOrThrow({
      where: { id: result.userId },
      select: { email: true, passwordHash: true, memberships: { select: { teamId: true } } },
    });
    expect(user).toEqual({ email, passwordHash: null, memberships: [{ teamId: team.id }] });
    const mail = await db.outboundEmail.findFirstOrThrow({ where: { to: email, kind: "invite" } });
    expect(mail.text).toContain(result.setPasswordUrl);
    expect(await db.auditLog.count({ where: { action: "user.invite", entityId: String(result.userId) } })).toBe(1);

    const token = tokenOf(result.setPasswordUrl);
    expect(await viewPasswordToken(token)).toMatchObject({ state: "valid", name: "新同事" });
    const weak = await setPasswordWithToken({ token, password: "short1", confirmation: "short1" });
    expect(weak).toMatchObject({ ok: false, error: "invalid", fields: { password: ["too_short"] } });
    const mismatch = await setPasswordWithToken({ token, password: "Sky-line-2026", confirmation: "Sky-line-2027" });
    expect(mismatch).toMatchObject({ ok: false, fields: { confirmation: ["mismatch"] } });
    expect(await setPasswordWithToken({ token, password: "Sky-line-2026", confirmation: "Sky-line-2026" })).toEqual({
      ok: true,
      email,
    });
    expect(
      await setPasswordWithToken({ token, password: "Sky-line-2027", confirmation: "Sky-line-2027" }),
    ).toMatchObject({ ok: false, error: "not_found" });
    expect(await viewPasswordToken(token)).toEqual({ state: "invalid" });
    expect(await authenticate({ email, password: "Sky-line-2026" })).toMatchObject({ ok: true });
  });

  it("rejects a duplicate e-mail and unknown teams with field errors; non-admins are forbidden", async () => {
    const { actor } = await makeStaff("admin");
    const { user: existing } = await makeStaff("agent");
    expect(
      await inviteUser(actor, { name: "X", email: existing.email, role: "agent", locale: "en", teamIds: [] }),
    ).toMatchObject({ ok: false, error: "conflict", fields: { email: ["taken"] } });
    expect(
      await inviteUser(actor, {
        name: "X",
        email: `x-${unique()}@test.example`,
        role: "agent",
        locale: "en",
        teamIds: [999999],
      }),
    ).toMatchObject({ ok: false, fields: { teamIds: ["unknown_team"] } });
    expect(await inviteUser(actor, { name: "", email: "nope", role: "boss", locale: "fr" })).toMatchObject({
      ok: false,
      error: "invalid",
    });
    const { actor: supervisor } = await makeStaff("supervisor");
    expect(
      await inviteUser(supervisor, { name: "X", email: `y-${unique()}@test.example`, role: "agent", locale: "en" }),
    ).toMatchObject({ ok: false, error: "forbidden" });
  });

  it("resending retires the earlier link; expired links do not work", async () => {
    const { actor } = await makeStaff("admin");
    const first = await inviteUser(actor, {
      name: "Late",
      email: `late-${unique()}@test.example`,
      role: "agent",
      locale: "en",
    });
    if (!first.ok) throw new Error(first.message);
    const second = await resendInvite(actor, first.userId);
    if (!second.ok) throw new Error(second.message);
    expect(await viewPasswordToken(tokenOf(first.setPasswordUrl))).toEqual({ state: "invalid" });
    expect(await viewPasswordToken(tokenOf(second.setPasswordUrl), new Date(Date.now() + 73 * 3_600_000))).toEqual({
      state: "invalid",
    });
    expect(await viewPasswordToken(tokenOf(second.setPasswordUrl))).toMatchObject({ state: "valid" });
  });
});

describe("editing and deactivating users", () => {
  it("saves role and teams with optimistic locking; a role change ends sessions; stale edits conflict", async () => {
    const { actor } = await makeStaff("admin");
    const [teamA, teamB] = [await makeTeam(), await makeTeam()];
    const { user } = await makeStaff("agent", [teamA]);
    const result = await updateUser(actor, {
      id: user.id,
      expectedUpdatedAt: user.updatedAt.toISOString(),
      name: user.name,
      role: "supervisor",
      locale: "en",
      teamIds: [teamB.id],
    });
    expect(result.ok).toBe(true);
    const after = await db.user.findUniqueOrThrow({
      where: { id: user.id },
      select: { role: true, sessionVersion: true, memberships: { select: { teamId: true } } },
    });
    expect(after).toEqual({
      role: "supervisor",
      sessionVersion: user.sessionVersion + 1,
      memberships: [{ teamId: teamB.id }],
    });
    const stale = await updateUser(actor, {
      id: user.id,
      expectedUpdatedAt: user.updatedAt.toISOString(),
      name: "Other",
      role: "agent",
      locale: "en",
      teamIds: [],
    });
    expect(stale).toMatchObject({ ok: false, error: "conflict" });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "user.update", entityId: String(user.id) } });
    expect(audit.changes).toMatchObject({
      role: { from: "agent", to: "supervisor" },
      teamIds: { from: [teamA.id], to: [teamB.id] },
    });
  });

  it("deactivation ends sessions; nobody deactivates themselves or the last admin", async () => {
    await db.user.updateMany({ where: { role: "admin" }, data: { active: false } });
    const { user: admin, actor } = await makeStaff("admin");
    const { user } = await makeStaff("agent");
    expect(
      await setUserActive(actor, { id: user.id, active: false, expectedUpdatedAt: user.updatedAt.toISOString() }),
    ).toMatchObject({ ok: true });
    expect(
      await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { active: true, sessionVersion: true } }),
    ).toEqual({ active: false, sessionVersion: user.sessionVersion + 1 });
    expect(
      await setUserActive(actor, { id: admin.id, active: false, expectedUpdatedAt: admin.updatedAt.toISOString() }),
    ).toMatchObject({ ok: false, error: "unprocessable" });
    // Another admin cannot deactivate or demote the last active one either.
    const other = await db.user.create({
      data: { email: `admin-${unique()}@test.example`, name: "Second", role: "admin", active: false },
    });
    const otherActor = { ...actor, userId: other.id };
    expect(
      await setUserActive(otherActor, {
        id: admin.id,
        active: false,
        expectedUpdatedAt: admin.updatedAt.toISOString(),
      }),
    ).toMatchObject({ ok: false, error: "unprocessable" });
    expect(
      await updateUser(otherActor, {
        id: admin.id,
        expectedUpdatedAt: admin.updatedAt.toISOString(),
        name: admin.name,
        role: "agent",
        locale: "en",
        teamIds: [],
      }),
    ).toMatchObject({ ok: false, fields: { role: ["last_admin"] } });
  });
});

describe("teams", () => {
  it("creates a team with supervisor and members, edits it with locking, and (de)activates it", async () => {
    const { actor } = await makeStaff("admin");
    const { user: supervisor } = await makeStaff("supervisor");
    const { user: agent } = await makeStaff("agent");
    const code = `desk-${unique()}`;
    const created = await createTeam(actor, {
      code,
      nameZh: "行李组",
      nameEn: "Baggage desk",
      supervisorId: supervisor.id,
      memberIds: [agent.id, supervisor.id],
    });
    if (!created.ok) throw new Error(created.message);
    expect(await createTeam(actor, teamSchema.parse({ code, nameZh: "x", nameEn: "x" }))).toMatchObject({
      ok: false,
      fields: { code: ["taken"] },
    });
    expect(
      await createTeam(
        actor,
        teamSchema.parse({ code: `x-${unique()}`, nameZh: "x", nameEn: "x", supervisorId: agent.id }),
      ),
    ).toMatchObject({ ok: false, fields: { supervisorId: ["invalid_supervisor"] } });
    const team = await db.team.findUniqueOrThrow({ where: { id: created.teamId } });
    const updated = await updateTeam(actor, {
      id: team.id,
      expectedUpdatedAt: team.updatedAt.toISOString(),
      nameZh: "行李服务组",
      nameEn: "Baggage service",
      supervisorId: null,
      memberIds: [agent.id],
    });
    if (!updated.ok) throw new Error(updated.message);
    expect(await db.teamMembership.findMany({ where: { teamId: team.id }, select: { userId: true } })).toEqual([
      { userId: agent.id },
    ]);
    expect(
      await updateTeam(actor, {
        id: team.id,
        expectedUpdatedAt: team.updatedAt.toISOString(),
        nameZh: "x",
        nameEn: "x",
        supervisorId: null,
        memberIds: [],
      }),
    ).toMatchObject({ ok: false, error: "conflict" });
    expect(
      await setTeamActive(actor, { id: team.id, active: false, expectedUpdatedAt: updated.updatedAt.toISOString() }),
    ).toMatchObject({ ok: true });
    expect(await db.auditLog.count({ where: { entityType: "team", entityId: String(team.id) } })).toBe(3);
    const { actor: manager } = await makeStaff("manager");
    expect(
      await createTeam(manager, teamSchema.parse({ code: `m-${unique()}`, nameZh: "x", nameEn: "x" })),
    ).toMatchObject({ ok: false, error: "forbidden" });
  });
});

describe("revealing PII", () => {
  it("returns the clear value to pii.view holders in scope, logs it with its context, and the admin finds it", async () => {
    const team = await makeTeam();
    const other = await makeTeam();
    const customer = await makeCustomer({
      phone: "+86 139 1111 2222",
      email: "reveal.me@example.com",
      idNumber: "110101199003071234",
    });
    await makeComplaint({ customerId: customer.id, teamId: team.id });
    const { user: supervisor, actor } = await makeStaff("supervisor", [team]);
    const result = await revealPii(actor, { customerId: customer.id, field: "idNumber", context: "complaint:CMP-1" });
    expect(result).toEqual({ ok: true, value: "110101199003071234" });
    const { actor: agent } = await makeStaff("agent", [team]);
    expect(await revealPii(agent, { customerId: customer.id, field: "phone" })).toMatchObject({
      ok: false,
      error: "forbidden",
    });
    const { actor: outsider } = await makeStaff("supervisor", [other]);
    expect(await revealPii(outsider, { customerId: customer.id, field: "phone" })).toMatchObject({
      ok: false,
      error: "not_found",
    });
    expect(await revealPii(actor, { customerId: customer.id, field: "password" })).toMatchObject({
      ok: false,
      error: "invalid",
    });

    const { actor: admin } = await makeStaff("admin");
    const found = await listPiiAccess(admin, { user: supervisor.name, customer: String(customer.id) });
    expect(found.rows).toHaveLength(1);
    expect(found.rows[0]).toMatchObject({
      field: "idNumber",
      context: "complaint:CMP-1",
      user: { id: supervisor.id },
      customer: { id: customer.id },
    });
    expect((await listPiiAccess(agent, {})).rows).toEqual([]);
  });

  it("logs clear values an API token with pii.view receives, and nothing for masked reads", async () => {
    const { user } = await makeStaff("admin");
    const customer = await makeCustomer({ email: "api.read@example.com" });
    const base = { kind: "api_token" as const, userId: user.id, role: user.role, teamIds: [] };
    await logApiPiiRead({ ...base, permissions: new Set(["customer.read"] as const) }, [customer], "api:GET /x");
    expect(await db.piiAccessLog.count({ where: { customerId: customer.id } })).toBe(0);
    await logApiPiiRead(
      { ...base, permissions: new Set(["customer.read", "pii.view"] as const) },
      [customer],
      "api:GET /x",
    );
    expect(
      await db.piiAccessLog.findMany({
        where: { customerId: customer.id },
        select: { field: true, context: true },
        orderBy: { field: "asc" },
      }),
    ).toEqual([
      { field: "email", context: "api:GET /x" },
      { field: "phone", context: "api:GET /x" },
    ]);
  });
});
