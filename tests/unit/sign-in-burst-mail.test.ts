import { describe, expect, it } from "vitest";
import { renderSignInBurst } from "@/lib/mail/sign-in-burst";

describe("failed sign-in burst e-mail", () => {
  it("tells the count and the latest address in the user's language, never a lock", async () => {
    const zh = await renderSignInBurst("zh-CN", {
      name: "王芳",
      failures: 10,
      windowMinutes: 15,
      lastAddress: "203.0.113.9",
    });
    expect(zh.text).toContain("10 次");
    expect(zh.text).toContain("203.0.113.9");
    expect(zh.text).toContain("没有被锁定");
    const en = await renderSignInBurst("en", { name: "Emily <b>", failures: 12, windowMinutes: 15, lastAddress: null });
    expect(en.text).toContain("12 times");
    expect(en.text).toContain("Address of the latest attempt: not known");
    expect(en.html).toContain("Emily &lt;b&gt;");
    expect(en.html).not.toContain("<b>");
  });
});
