// lib/actions/define.ts: the one action pipeline — sign-in → permission → parse once → use case → revalidate on ok.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";

class Interrupt extends Error {}
const session = vi.hoisted(() => ({ current: null as null | { userId: number; sessionVersion: number } }));
const revalidated = vi.hoisted(() => [] as unknown[][]);
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  getServerSession: vi.fn(async () => session.current),
}));
vi.mock("next/navigation", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  redirect: (to: string) => {
    throw new Interrupt(`redirect ${to}`);
  },
}));
vi.mock("next/cache", () => ({
  revalidatePath: vi.fn((...args: unknown[]) => void revalidated.push(args)),
  revalidateTag: vi.fn(),
}));
vi.mock("next/headers", () => ({
  headers: async () => new Headers(),
  cookies: async () => ({ get: () => undefined }),
}));

import { actionArg, defineAction, definePublicAction } from "@/lib/actions/define";
import { stopBoss } from "@/lib/jobs/boss";
import { makeStaff } from "./factories";

const schema = z.object({ title: z.string().trim().min(1, "required"), count: z.number().int().default(1) });
const calls: unknown[][] = [];
const save = defineAction(
  {
    name: "save",
    permission: "admin.config",
    args: [actionArg.reference],
    schema,
    revalidate: (result, reference) => [`/x/${reference}`, ["/y", "layout"]],
  },
  async (actor, reference, input) => {
    calls.push([actor.userId, reference, input]);
    return input.title === "conflict"
      ? { ok: false as const, error: "conflict" as const, message: "Changed." }
      : { ok: true as const, title: input.title };
  },
);
const listed = defineAction(
  { name: "listed", schema: z.string().max(5), refused: () => [] as string[] },
  async (_actor, text) => [text],
);
const open = definePublicAction({ name: "open", schema: z.object({ token: z.string().min(3) }) }, async (input) => ({
  ok: true as const,
  token: input.token,
}));

let agent: { userId: number; sessionVersion: number };
let admin: { userId: number; sessionVersion: number };
beforeAll(async () => {
  const [a, b] = [await makeStaff("agent"), await makeStaff("admin")];
  agent = { userId: a.user.id, sessionVersion: a.user.sessionVersion };
  admin = { userId: b.user.id, sessionVersion: b.user.sessionVersion };
});
afterAll(async () => {
  await stopBoss();
});

describe("defineAction", () => {
  it("sends a signed-out caller to sign-in and refuses a caller without the permission before looking at the input", async () => {
    session.current = null;
    await expect(save("CMP-1", { title: "" })).rejects.toThrow("redirect /login");
    session.current = agent;
    expect(await save("CMP-1", { title: "" })).toMatchObject({ ok: false, error: "forbidden" });
    expect(calls).toEqual([]);
  });

  it("parses the input once: field errors for bad input, the parsed value (defaults, trimming) for the use case", async () => {
    session.current = admin;
    expect(await save("CMP-1", { title: "  " })).toMatchObject({
      ok: false,
      error: "invalid",
      fields: { title: ["required"] },
    });
    expect(await save("CMP-1", { title: " Lost bag " })).toEqual({ ok: true, title: "Lost bag" });
    expect(calls).toEqual([[admin.userId, "CMP-1", { title: "Lost bag", count: 1 }]]);
  });

  it("revalidates only after an ok result, with paths computed from the arguments", async () => {
    session.current = admin;
    revalidated.length = 0;
    await save("CMP-2", { title: "conflict" });
    expect(revalidated).toEqual([]);
    await save("CMP-2", { title: "ok" });
    expect(revalidated).toEqual([["/x/CMP-2"], ["/y", "layout"]]);
  });

  it("keeps the guard: wrong argument shapes and ill-formed text are an invalid Failure (or the refused shape)", async () => {
    session.current = admin;
    const untyped = save as unknown as (...args: unknown[]) => Promise<unknown>;
    expect(await untyped(42, {})).toMatchObject({ ok: false, error: "invalid" });
    expect(await save("CMP-3", { title: "a\ud800" })).toMatchObject({
      ok: false,
      error: "invalid",
      fields: { title: ["ill_formed_unicode"] },
    });
    expect(await listed("far too long")).toEqual([]);
    expect(await listed("ok")).toEqual(["ok"]);
  });

  it("definePublicAction needs no sign-in but still parses", async () => {
    session.current = null;
    expect(await open({ token: "x" })).toMatchObject({
      ok: false,
      error: "invalid",
      fields: { token: [expect.any(String)] },
    });
    expect(await open({ token: "abcd" })).toEqual({ ok: true, token: "abcd" });
  });
});
