// Factories for integration tests: the minimum rows a test needs, with sensible defaults.
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/generated/prisma/enums";

export async function createUser(overrides: { role?: Role; password?: string; active?: boolean; email?: string } = {}) {
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
