// Factories for integration tests: the minimum rows a test needs, with sensible defaults.
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/generated/prisma/enums";

export async function makeUser(overrides: { role?: Role; password?: string; active?: boolean; email?: string } = {}) {
  const password = overrides.password ?? "Correct-horse-9";
  const user = await db.user.create({
    data: {
      email: overrides.email ?? `user-${randomBytes(4).toString("hex")}@test.example`,
      name: "Test User",
      role: overrides.role ?? "agent",
      active: overrides.active ?? true,
      passwordHash: await hashPassword(password),
    },
  });
  return { user, password };
}

// ── customers and compensation (reference data, staff with teams, customers, complaints inserted directly) ──
import { permissionsOf, type Actor } from "@/lib/auth/permissions";
import type { Prisma } from "@/lib/generated/prisma/client";

const uniqueCode = (prefix: string) => `${prefix}-${randomBytes(4).toString("hex")}`;

export async function makeChannel() {
  return db.channel.create({ data: { code: uniqueCode("channel"), kind: "phone", nameZh: "电话", nameEn: "Phone" } });
}

export async function makeSeverity() {
  return db.severity.create({ data: { code: uniqueCode("severity"), nameZh: "一般", nameEn: "General", rank: 3 } });
}

export async function makeTier(overrides: { code?: string; nameZh?: string; nameEn?: string; rank?: number } = {}) {
  return db.customerTier.create({
    data: {
      code: overrides.code ?? uniqueCode("tier"),
      nameZh: overrides.nameZh ?? "金卡",
      nameEn: overrides.nameEn ?? "Gold",
      rank: overrides.rank ?? 2,
    },
  });
}

export async function makeTeam() {
  const code = uniqueCode("team");
  return db.team.create({ data: { code, nameZh: `团队 ${code}`, nameEn: `Team ${code}` } });
}

/** A signed-in user as services see them: the role's permissions and the given teams. */
export function actorFor(user: { id: number; role: Role }, teamIds: number[] = []): Actor {
  return { kind: "user", userId: user.id, role: user.role, teamIds, permissions: permissionsOf(user.role) };
}

/** A staff member (no password, cheap to create) in the given teams, with their actor. */
export async function makeStaff(
  role: Role,
  teams: { id: number }[] = [],
  name = `${role} ${randomBytes(2).toString("hex")}`,
) {
  const user = await db.user.create({
    data: {
      email: `${role}-${randomBytes(4).toString("hex")}@test.example`,
      name,
      role,
      memberships: { create: teams.map((team) => ({ teamId: team.id })) },
    },
  });
  return {
    user,
    actor: actorFor(
      user,
      teams.map((team) => team.id),
    ),
  };
}

export async function makeCustomer(overrides: Partial<Prisma.CustomerUncheckedCreateInput> = {}) {
  return db.customer.create({ data: { name: "测试客户", phone: "+86 139 0000 0000", ...overrides } });
}

let complaintNumber = 0;

/** Inserts a complaint row directly (no SLA, no events), creating a channel and severity unless given. */
export async function makeComplaint(overrides: Partial<Prisma.ComplaintUncheckedCreateInput> & { customerId: number }) {
  const channelId = overrides.channelId ?? (await makeChannel()).id;
  const severityId = overrides.severityId ?? (await makeSeverity()).id;
  complaintNumber += 1;
  return db.complaint.create({
    data: {
      reference: `CMP-2026-${String(complaintNumber).padStart(6, "0")}${randomBytes(2).readUInt16BE()}`,
      subject: "航班延误投诉",
      description: "The flight was delayed by five hours without information.",
      ...overrides,
      channelId,
      severityId,
    },
  });
}

// ── API tokens (REST API tests) ──
import { generateApiToken } from "@/lib/api-tokens/token";

/** An API token with the given permissions, created by a fresh admin; returns the plain token for the header. */
export async function makeApiToken(
  permissions: readonly string[],
  overrides: { expiresAt?: Date | null; revokedAt?: Date | null } = {},
) {
  const { user: admin } = await makeStaff("admin");
  const generated = generateApiToken();
  const row = await db.apiToken.create({
    data: {
      name: `token ${generated.prefix}`,
      prefix: generated.prefix,
      tokenHash: generated.hash,
      permissions: [...permissions],
      createdById: admin.id,
      ...overrides,
    },
    select: { id: true },
  });
  return { id: row.id, token: generated.token, admin };
}

// ── public intake and inbound e-mail (web and e-mail channels, a mild and a severe grade, one category) ──
export async function makePublicIntakeSetup() {
  const [web, email, severe, mild, category] = await Promise.all([
    db.channel.create({ data: { code: uniqueCode("web"), kind: "web", nameZh: "网站表单", nameEn: "Web form" } }),
    db.channel.create({ data: { code: uniqueCode("email"), kind: "email", nameZh: "电子邮件", nameEn: "E-mail" } }),
    db.severity.create({ data: { code: uniqueCode("severe"), nameZh: "严重", nameEn: "Serious", rank: 1 } }),
    db.severity.create({ data: { code: uniqueCode("mild"), nameZh: "一般", nameEn: "General", rank: 4 } }),
    db.category.create({ data: { code: uniqueCode("cat"), nameZh: "行李", nameEn: "Baggage" } }),
  ]);
  return { web, email, severe, mild, category };
}
