// Admin configuration of SLA: preview a calendar's working periods and a policy's match and due times, then save.
import type { Page } from "@playwright/test";
import { expect, loginAs, test, withDb } from "./fixtures";

async function useLocale(page: Page, baseURL: string | undefined, locale: "en" | "zh-CN") {
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL ?? "http://localhost:3100" }]);
}

test.describe("SLA administration", () => {
  test("an admin previews the office calendar's next working periods and saves it", async ({ page, baseURL }) => {
    await useLocale(page, baseURL, "en");
    await loginAs(page, "admin");
    await page.goto("/admin/calendars");
    await expect(page.getByTestId("calendars-table")).toContainText("Asia/Shanghai");
    await page.getByRole("link", { name: /Office hours Mon–Fri/ }).click();
    await expect(page.getByTestId("calendar-form")).toBeVisible();

    // Friday 20 Nov 2026 17:00 Shanghai: one hour left on Friday, then Monday 09:00–18:00.
    await page.getByTestId("calendar-preview-from").fill("2026-11-20T17:00");
    await page.getByTestId("calendar-preview").getByRole("button", { name: "Preview" }).click();
    const periods = page.getByTestId("calendar-periods").getByRole("listitem");
    await expect(periods).toHaveCount(10);
    await expect(periods.nth(0)).toHaveText(/Fri.*Nov 20.*17:00\s*–\s*18:00/);
    await expect(periods.nth(1)).toHaveText(/Mon.*Nov 23.*09:00\s*–\s*18:00/);

    await page.getByRole("button", { name: "Save calendar" }).click();
    await expect(page).toHaveURL(/\/admin\/calendars$/);
    await expect(page.getByTestId("calendars-table")).toBeVisible();
  });

  test.describe("in Chinese", () => {
    test.afterEach(async () => {
      await withDb((client) =>
        client.query(`UPDATE sla_policies SET "warnPercent" = 75 WHERE code = 'airline-default'`),
      );
    });

    test("管理员预览紧急投诉适用的策略和到期时间，并修改预警比例", async ({ page, baseURL }) => {
      await useLocale(page, baseURL, "zh-CN");
      await loginAs(page, "admin");
      await page.goto("/admin/sla");
      await page.getByRole("link", { name: "默认（建议、表扬等）" }).click();
      await expect(page.getByTestId("sla-policy-form")).toBeVisible();

      const preview = page.getByTestId("policy-preview");
      await preview.getByRole("combobox", { name: "类型" }).selectOption("complaint");
      await page.getByTestId("sample-severity").selectOption({ label: "紧急" });
      await preview.getByLabel("创建时间").fill("2026-11-23T10:00");
      await preview.getByRole("button", { name: "预览" }).click();
      const result = page.getByTestId("policy-preview-result");
      await expect(result).toContainText("紧急事件（1小时响应）");
      await expect(result).toContainText("严重程度 = 紧急");
      // 24×7 calendar: first response 1 h after 10:00, resolution 24 h later.
      await expect(result).toContainText(/首次响应[\s\S]*11:00[\s\S]*到期/);
      await expect(result).toContainText(/解决[\s\S]*11月24日[\s\S]*10:00/);

      await page.getByTestId("warn-percent").fill("80");
      await page.getByRole("button", { name: "保存策略" }).click();
      await expect(page).toHaveURL(/\/admin\/sla$/);
      await expect(page.getByRole("row", { name: /默认（建议、表扬等）/ })).toContainText("80%");
    });
  });

  test("an agent gets 403 on the SLA admin page", async ({ page }) => {
    await loginAs(page, "agent");
    const response = await page.goto("/admin/sla");
    expect(response?.status()).toBe(403);
    await expect(page.getByTestId("sla-policies-table")).toHaveCount(0);
  });
});
