// Issue 15 item 10: the product's own customer tags are shown in the UI language, custom tags as typed.
import { describe, expect, it } from "vitest";
import { knownTag } from "@/lib/customers/tag-label";
import { tagName } from "@/components/customers/tag-name";
import zh from "@/messages/zh-CN.json";
import en from "@/messages/en.json";

describe("customer tag names", () => {
  it("recognises the seeded spellings and leaves custom tags alone", () => {
    expect(["VIP", "special needs", "repeat complainer", "Repeat-Complainer"].map(knownTag)).toEqual([
      "vip",
      "special_needs",
      "repeat_complainer",
      "repeat_complainer",
    ]);
    expect(knownTag("常旅客")).toBeNull();
  });

  it("translates known tags in both languages", () => {
    expect(tagName("special needs", (key) => zh.customerTagNames[key])).toBe("特殊需求");
    expect(tagName("repeat complainer", (key) => zh.customerTagNames[key])).toBe("重复投诉");
    expect(tagName("repeat complainer", (key) => en.customerTagNames[key])).toBe("Repeat complainer");
    expect(tagName("常旅客", (key) => zh.customerTagNames[key])).toBe("常旅客");
  });
});
