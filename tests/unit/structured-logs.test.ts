// Structured logs (issue 21 item 5): server code writes through lib/observability/log.ts, one JSON object per line
// carrying the request id of its work context; a console call in app/, lib/ or components/ fails lint.
import path from "node:path";
import { ESLint } from "eslint";
import { afterEach, describe, expect, it, vi } from "vitest";
import { workContext } from "@/lib/observability/context";
import { logger } from "@/lib/observability/log";

const ROOT = path.resolve(import.meta.dirname, "../..");
const eslint = new ESLint({ cwd: ROOT });

async function consoleFindings(file: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return (result?.messages ?? []).filter((message) => message.ruleId === "no-console").length;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("server code never logs through console", { timeout: 120_000 }, () => {
  it("refuses console.warn / console.error in lib/, app/, components/ and instrumentation.ts", async () => {
    const code =
      'export function f() {\n  console.warn("[mail] delivery failed", { id: 1 });\n  console.error("boom");\n}\n';
    for (const file of [
      "lib/mail/example.ts",
      "app/api/example/route.ts",
      "components/example.tsx",
      "instrumentation.ts",
    ]) {
      expect(await consoleFindings(file, code), file).toBe(2);
    }
  });

  it("still lets scripts and tests print", async () => {
    const code = 'export function f() {\n  console.warn("progress");\n}\n';
    expect(await consoleFindings("scripts/example.ts", code)).toBe(0);
    expect(await consoleFindings("tests/unit/example.test.ts", code)).toBe(0);
  });
});

describe("logger", () => {
  it("writes warnings as one JSON line on stderr with the request id and job of the work context", () => {
    const lines: string[] = [];
    vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    workContext.run({ requestId: "0123456789abcdef0123456789abcdef", job: "mail.flush", jobId: "j-1" }, () => {
      logger.warn("[mail] delivery failed", { outboundEmailId: 7, error: new Error("421 try later") });
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]?.endsWith("\n")).toBe(true);
    expect(JSON.parse(lines[0] ?? "")).toMatchObject({
      level: "warn",
      msg: "[mail] delivery failed",
      requestId: "0123456789abcdef0123456789abcdef",
      job: "mail.flush",
      jobId: "j-1",
      outboundEmailId: 7,
      error: { name: "Error", message: "421 try later" },
    });
  });
});
