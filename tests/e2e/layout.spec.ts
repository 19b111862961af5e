import type { Page } from "@playwright/test";
import { expect, loginAs, test } from "./fixtures";

// Issue 15 item 11, in both languages at 1440 px: the queue table shows every column (nothing clipped or scrolled
// away), the Pareto axis labels never overlap, and a list drilled down from a dashboard figure shows its total.

const LOCALES = ["zh-CN", "en"] as const;

async function useLocale(page: Page, baseURL: string | undefined, locale: (typeof LOCALES)[number]) {
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL ?? "http://localhost:3100" }]);
}

test.use({ viewport: { width: 1440, height: 900 } });

for (const locale of LOCALES) {
  test.describe(`layout at 1440 px (${locale})`, () => {
    test("the queue table shows all its columns without clipping", async ({ page, baseURL }) => {
      await useLocale(page, baseURL, locale);
      await loginAs(page, "supervisor");
      await page.goto("/complaints?queue=team");
      const table = page.getByTestId("queue-table");
      await expect(table.getByTestId("queue-row").first()).toBeVisible();
      const fit = await table.evaluate((element) => {
        const box = element.parentElement!.getBoundingClientRect();
        const cells = [...element.querySelectorAll("thead th")].map((th) => th.getBoundingClientRect());
        return {
          overflow: element.scrollWidth - element.parentElement!.clientWidth,
          columns: cells.length,
          outside: cells.filter(
            (cell) => cell.right > box.right + 1 || cell.left < box.left - 1 || cell.right > window.innerWidth,
          ).length,
          pageOverflow: document.documentElement.scrollWidth - window.innerWidth,
        };
      });
      expect(fit.columns).toBeGreaterThan(5);
      expect(fit).toMatchObject({ overflow: 0, outside: 0, pageOverflow: 0 });
      await page.screenshot({ path: `test-results/screens/queue-1440-${locale}.png` });
    });

    test("Pareto axis labels never overlap; a drilled list shows its total", async ({ page, baseURL }) => {
      test.setTimeout(120_000); // the 90-day dashboard and its charts take most of a minute on a busy 2-core machine
      await useLocale(page, baseURL, locale);
      await loginAs(page, "manager");
      await page.goto("/dashboard?preset=90d");
      for (const id of ["categories", "rootCauses"]) {
        // Charts draw when their card nears the viewport (DeferredChart).
        const chart = page.getByTestId(`chart-${id}`);
        await chart.scrollIntoViewIfNeeded();
        await expect(chart.getByTestId("wrapped-tick").first()).toBeVisible();
        const boxes = await chart.getByTestId("wrapped-tick").evaluateAll((ticks) =>
          ticks.map((tick) => {
            const box = (tick.querySelector("text") as SVGTextElement).getBBox();
            const matrix = (tick as SVGGElement).transform.baseVal.consolidate()?.matrix;
            return {
              left: box.x + (matrix?.e ?? 0),
              right: box.x + box.width + (matrix?.e ?? 0),
              title: tick.querySelector("title")?.textContent ?? "",
            };
          }),
        );
        expect(boxes.length).toBeGreaterThan(1);
        const sorted = boxes.sort((a, b) => a.left - b.left);
        const overlaps = sorted
          .slice(1)
          .filter((box, index) => box.left < sorted[index]!.right - 0.5)
          .map((box) => box.title);
        expect({ chart: id, overlaps }).toEqual({ chart: id, overlaps: [] });
        // The full label stays available as the tooltip.
        expect(boxes.every((box) => box.title.length > 0)).toBe(true);
      }
      await page.screenshot({ path: `test-results/screens/pareto-1440-${locale}.png`, fullPage: true });

      // The backlog figure opens a list of exactly as many complaints (issue 15 item 12), its total written out.
      await page.evaluate(() => window.scrollTo(0, 0));
      const drill = page.getByTestId("kpi-drill-backlog");
      const shown = Number(((await drill.textContent()) ?? "").replace(/[^\d]/g, ""));
      await drill.click();
      await expect(page).toHaveURL(/kpi=backlog/);
      const total = page.getByTestId("queue-total");
      await expect(total).toHaveText(locale === "en" ? /^[\d,]+ complaints? in total$/ : /^共 [\d,]+ 条$/);
      expect(Number(((await total.textContent()) ?? "").replace(/[^\d]/g, ""))).toBe(shown);
      await page.screenshot({ path: `test-results/screens/drill-total-1440-${locale}.png` });
    });
  });
}
