// Issue 15 item 11: chart axis labels wrap within their slot (at most two lines) and end with "…" when cut.
import { describe, expect, it } from "vitest";
import { wrapLabel } from "@/components/dashboard/wrapped-tick";

const widthOf = (line: string) =>
  [...line].reduce((sum, char) => sum + (/[\u4e00-\u9fff]/.test(char) ? 11 : 11 * 0.58), 0);

describe("wrapLabel", () => {
  it("keeps a short label on one line", () => {
    expect(wrapLabel("行李", 40, 11)).toEqual(["行李"]);
    expect(wrapLabel("Weather", 60, 11)).toEqual(["Weather"]);
  });

  it("breaks Chinese between characters and cuts the second line with an ellipsis", () => {
    const lines = wrapLabel("延误通知未及时发送", 24, 11);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe("延误");
    expect(lines[1]!.endsWith("…")).toBe(true);
  });

  it("keeps Latin words whole and never exceeds the slot", () => {
    const lines = wrapLabel("Flight delays and cancellations", 48, 11);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe("Flight");
    expect(lines.every((line) => widthOf(line) <= 48)).toBe(true);
    expect(wrapLabel("Baggage", 30, 11)).toEqual(["Bag…"]);
  });
});
