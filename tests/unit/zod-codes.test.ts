// Issue 19 item 3: zod's own messages reach the API's `fields` and the forms as codes of errors.field.*, never as
// English sentences; a schema's explicit code still wins.
import { z } from "zod";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";
import { fieldErrors } from "@/lib/errors";

const schema = z.object({
  to: z.enum(["open", "done"]),
  name: z.string().min(1).max(3),
  title: z.string().min(3),
  count: z.number().int().max(5),
  tags: z.array(z.string()).max(1),
  email: z.email(),
  note: z.string().min(1, "custom_code"),
});

describe("zod default messages as codes", () => {
  it("maps every default message to a code the catalogue translates", () => {
    const parsed = schema.safeParse({
      to: "closed",
      name: "abcd",
      title: "ab",
      count: 1.5,
      tags: ["a", "b"],
      email: "x",
      note: "",
    });
    expect(parsed.success).toBe(false);
    const fields = fieldErrors(parsed.error!);
    expect(fields).toEqual({
      to: ["invalid"],
      name: ["too_long"],
      title: ["too_short"],
      count: ["integer"],
      tags: ["too_many"],
      email: ["invalid"],
      note: ["custom_code"],
    });
    for (const [key, codes] of Object.entries(fields)) {
      if (key === "note") continue;
      for (const code of codes) {
        expect(en.errors.field).toHaveProperty(code);
        expect(zh.errors.field).toHaveProperty(code);
      }
    }
  });

  it("calls a missing value required", () => {
    const parsed = schema.safeParse({});
    expect(parsed.success ? null : fieldErrors(parsed.error).to).toEqual(["required"]);
    expect(parsed.success ? null : fieldErrors(parsed.error).name).toEqual(["required"]);
  });
});
