// E-mail templates (React components rendered to HTML, plain text built alongside); this file needs no database rows.
import { describe, expect, it } from "vitest";
import { safeHref } from "@/lib/mail/components";
import { renderAcknowledgement, renderNotification, renderReply } from "@/lib/mail/templates";

const APP_URL = "https://csm.example";

describe("e-mail templates", () => {
  it("escapes user text in the HTML body and keeps line breaks", async () => {
    const { html, text } = await renderReply(
      "en",
      {
        reference: "C-1",
        subject: "Broken <b>kettle</b>",
        trackingToken: "abc",
        customerName: `Eve "<img src=x onerror=alert(1)>"`,
        body: "Line one <script>alert('x')</script>\nLine & two",
      },
      APP_URL,
    );
    expect(html).toContain("Line one &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;<br/>Line &amp; two");
    expect(html).not.toMatch(/<script|<img|<b>kettle/);
    expect(html).toContain("Eve &quot;&lt;img src=x onerror=alert(1)&gt;&quot;");
    // The plain-text part carries the agent's words unchanged.
    expect(text).toContain("Line one <script>alert('x')</script>\nLine & two");
  });

  it("renders the acknowledgement in Chinese with the reference and an encoded tracking link", async () => {
    const email = await renderAcknowledgement(
      "zh-CN",
      { reference: "C-2026-0042", subject: "账单\n错误", trackingToken: "t/ok en" },
      `${APP_URL}/`,
    );
    expect(email.subject).toBe("【C-2026-0042】我们已收到您的投诉");
    expect(email.text).toContain("投诉编号: C-2026-0042");
    expect(email.text).toContain("主题: 账单 错误");
    expect(email.text).toContain("https://csm.example/track/t%2Fok%20en");
    expect(email.html).toContain('href="https://csm.example/track/t%2Fok%20en"');
    expect(email.html).toContain('<html lang="zh-CN">');
  });

  it("renders the acknowledgement in English", async () => {
    const email = await renderAcknowledgement(
      "en",
      { reference: "C-7", subject: "Noise", trackingToken: "x", customerName: "Ana" },
      APP_URL,
    );
    expect(email.subject).toBe("[C-7] We have received your complaint");
    expect(email.text.startsWith("Dear Ana,")).toBe(true);
  });

  it("keeps subjects on one line so user text cannot add headers", async () => {
    const email = await renderReply(
      "en",
      { reference: "C-1", subject: "Hi\r\nBcc: evil@example.com", trackingToken: "t", body: "ok" },
      APP_URL,
    );
    expect(email.subject).not.toMatch(/[\r\n]/);
  });

  it("drops non-http links from notifications", async () => {
    const email = await renderNotification("en", {
      title: "Escalated",
      body: "C-9 <needs> you",
      actionUrl: "javascript:alert(1)",
      actionLabel: "Open",
    });
    expect(email.html).not.toContain("javascript:");
    expect(email.html).toContain("C-9 &lt;needs&gt; you");
  });

  it("keeps line breaks of every style and allows only http(s) links", async () => {
    const email = await renderNotification("en", { title: "T", body: "a\r\nb\rc" });
    expect(email.html).toContain("a<br/>b<br/>c");
    expect(safeHref("https://x.example/a b")).toBe("https://x.example/a%20b");
    expect(safeHref("data:text/html,x")).toBeNull();
  });
});
