// The import boundary of issue 19, enforced by ESLint (eslint.config.mjs): a component importing from app/ fails lint.
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const eslint = new ESLint({ cwd: ROOT });

async function restrictedImports(file: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === "no-restricted-imports")
    .map((message) => message.message);
}

describe("components never import from app/", { timeout: 120_000 }, () => {
  it("refuses an import of a module under app/ in a component", async () => {
    const code = 'import { something } from "@/app/(app)/complaints/page";\nexport const x = something;\n';
    expect(await restrictedImports("components/complaints/example.tsx", code)).toEqual([
      expect.stringContaining("must not import from app/"),
    ]);
  });

  it("allows lib/ actions in components and app/ imports outside components", async () => {
    expect(
      await restrictedImports(
        "components/complaints/example.tsx",
        'import { updateAction } from "@/lib/complaints/actions";\nexport const x = updateAction;\n',
      ),
    ).toEqual([]);
    expect(
      await restrictedImports(
        "tests/unit/example.test.ts",
        'import { GET } from "@/app/api/health/route";\nexport const x = GET;\n',
      ),
    ).toEqual([]);
  });
});
