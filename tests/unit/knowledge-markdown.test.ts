// Article bodies are Markdown rendered to HTML that is injected into pages: nothing executable may survive.
import { describe, expect, it } from "vitest";
import { markdownToPlainText, renderArticleMarkdown } from "@/lib/knowledge/markdown";
import { scriptForReply } from "@/lib/knowledge/scripts";
import { allowedSteps, nextStatus, reviewDateOnApproval } from "@/lib/knowledge/workflow";
import { diffText, hasChanges } from "@/lib/knowledge/diff";
import { permissionsOf } from "@/lib/auth/permissions";
import { withoutCommonWords } from "@/lib/knowledge/suggest";

describe("knowledge Markdown", () => {
  it("keeps formatting", () => {
    const html = renderArticleMarkdown("## 步骤\n1. **登记** PIR\n- [link](https://example.com)");
    expect(html).toContain("<h2>步骤</h2>");
    expect(html).toContain("<strong>登记</strong>");
    expect(html).toContain('<a href="https://example.com" rel="noopener noreferrer nofollow" target="_blank">link</a>');
  });

  it.each([
    ["<script>alert(1)</script>", "<script"],
    ['<img src="https://x.example/a.png" onerror="alert(1)">', "onerror"],
    ["[click](javascript:alert(1))", "javascript:"],
    ['<a href="JaVaScRiPt:alert(1)">x</a>', "javascript:"],
    ['<iframe src="https://evil.example"></iframe>', "<iframe"],
    ['<div style="background:url(javascript:alert(1))">x</div>', "style"],
    ["![x](data:image/svg+xml;base64,PHN2Zz4=)", "data:"],
    ["<svg><script>alert(1)</script></svg>", "<svg"],
    ['<form action="https://evil.example"><input name="p"></form>', "<form"],
    ['<p onclick="steal()">hi</p>', "onclick"],
  ])("removes %s", (source, needle) => {
    expect(renderArticleMarkdown(source).toLowerCase()).not.toContain(needle.toLowerCase());
  });

  it("turns a script into plain reply text with placeholders filled", () => {
    const script = scriptForReply(
      {
        id: 1,
        titleZh: "话术",
        titleEn: "Script",
        bodyZh: "{{customer.name}}您好，**抱歉**，编号 {{complaint.reference}}。\n\n- 第一 & 第二",
        bodyEn: "Dear {{customer.name}}",
      },
      "zh-CN",
      { "customer.name": "王先生", "complaint.reference": "CMP-2026-000001" },
    );
    expect(script.body).toBe("王先生您好，抱歉，编号 CMP-2026-000001。\n\n第一 & 第二");
    expect(
      scriptForReply(
        { id: 1, titleZh: "", titleEn: "", bodyZh: "", bodyEn: "Dear {{customer.name}}, ref {{complaint.reference}}" },
        "en",
        { "customer.name": "Ms Li" },
      ).body,
    ).toBe("Dear Ms Li, ref {{complaint.reference}}");
    expect(markdownToPlainText("<script>x</script>a < b")).toBe("a < b");
  });
});

describe("knowledge workflow", () => {
  it("allows each step only from its statuses and to holders of its permission", () => {
    expect(nextStatus("submit", "draft")).toBe("in_review");
    expect(nextStatus("approve", "draft")).toBeNull();
    expect(nextStatus("approve", "in_review")).toBe("published");
    expect(nextStatus("reject", "in_review")).toBe("draft");
    expect(nextStatus("archive", "published")).toBe("archived");
    expect(nextStatus("restore", "published")).toBeNull();
    expect(allowedSteps("in_review", permissionsOf("supervisor"))).toEqual(["approve", "reject", "archive"]);
    expect(allowedSteps("in_review", permissionsOf("agent"))).toEqual([]);
    expect(allowedSteps("draft", permissionsOf("manager"))).toEqual(["submit", "archive"]);
  });

  it("keeps a future review date on approval and sets today + 180 days otherwise", () => {
    const now = new Date("2026-12-07T15:00:00Z");
    expect(reviewDateOnApproval(new Date("2027-03-01T00:00:00Z"), now).toISOString()).toBe("2027-03-01T00:00:00.000Z");
    expect(reviewDateOnApproval(new Date("2026-01-01T00:00:00Z"), now).toISOString()).toBe("2027-06-05T00:00:00.000Z");
    expect(reviewDateOnApproval(null, now).toISOString()).toBe("2027-06-05T00:00:00.000Z");
  });

  it("diffs versions line by line", () => {
    const parts = diffText("a\nb\n", "a\nc\n");
    expect(parts).toEqual([
      { kind: "same", text: "a\n" },
      { kind: "removed", text: "b\n" },
      { kind: "added", text: "c\n" },
    ]);
    expect(hasChanges(diffText("same", "same"))).toBe(false);
  });

  it("drops everyday words from the suggestion query without joining their neighbours", () => {
    expect(withoutCommonWords("素食餐没有提供")).toBe("素食餐  ");
  });
});
