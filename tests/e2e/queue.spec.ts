// The agent queues: default "My open" sorted by SLA due time, filters and search in the URL, bulk confirmation.
import type { Page } from "@playwright/test";
import { expect, loginAs, test } from "./fixtures";

// A phrase that only occurs in seeded descriptions (prisma/seed/demo/scenarios-service.ts, special meal), not subjects.
const CHINESE_PHRASE = "饿着肚子飞了三个多小时";

async function useLocale(page: Page, baseURL: string | undefined, locale: "en" | "zh-CN") {
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL ?? "http://localhost:3100" }]);
}

test.describe("agent queues", () => {
  test("My open is the default, sorted by SLA due time; a severity filter goes into the URL", async ({
    page,
    baseURL,
  }) => {
    await useLocale(page, baseURL, "en");
    await loginAs(page, "agent");
    await page.goto("/complaints");
    await expect(page.getByTestId("queue-tab-mine")).toHaveAttribute("aria-current", "page");
    const rows = page.getByTestId("queue-row");
    await expect(rows.first()).toBeVisible();
    const dues = (
      await rows.evaluateAll((elements) => elements.map((element) => element.getAttribute("data-due") ?? ""))
    ).filter(Boolean);
    expect(dues.length).toBeGreaterThan(1);
    expect([...dues].sort()).toEqual(dues); // ISO timestamps sort chronologically

    const severity = page.getByLabel("Severity", { exact: true });
    const option = await severity.locator("option").nth(1).getAttribute("value");
    await severity.selectOption(option ?? "");
    await expect(page).toHaveURL(new RegExp(`[?&]severity=${option}(&|$)`));
    await expect(page.getByText("1 filter active")).toBeVisible();
    // The link is shareable: opening it again shows the same filter selected.
    await page.reload();
    await expect(page.getByLabel("Severity", { exact: true })).toHaveValue(option ?? "");
  });

  test("finds a complaint by a Chinese phrase from its description (zh-CN)", async ({ page, baseURL }) => {
    await useLocale(page, baseURL, "zh-CN");
    await loginAs(page, "agent");
    await page.goto("/complaints?queue=team");
    await page.getByLabel("搜索工单").fill(CHINESE_PHRASE);
    await page.getByLabel("搜索工单").press("Enter");
    await expect(page).toHaveURL(/[?&]q=/);
    await expect(page).toHaveURL(/queue=team/);
    const rows = page.getByTestId("queue-row");
    await expect(rows.first()).toContainText("预订的特殊餐食没有配送");
    await rows.first().getByRole("link").click();
    await expect(page).toHaveURL(/\/complaints\/CMP-\d{4}-\d{6}$/);
  });

  test("a link with filters it does not understand shows a notice and the default view", async ({ page, baseURL }) => {
    await useLocale(page, baseURL, "en");
    await loginAs(page, "agent");
    const response = await page.goto("/complaints?status=lost&from=yesterday&queue=all");
    expect(response?.status()).toBe(200);
    await expect(page.getByTestId("queue-invalid-params")).toBeVisible();
    await expect(page.getByTestId("queue-tab-mine")).toHaveAttribute("aria-current", "page");
    await expect(page.getByTestId("queue-tab-all")).toHaveCount(0); // agents have no "All" queue
  });

  test("a supervisor's bulk status change asks for confirmation with the number of complaints", async ({
    page,
    baseURL,
  }) => {
    await useLocale(page, baseURL, "en");
    await loginAs(page, "supervisor");
    await page.goto("/complaints?queue=team");
    await page.getByTestId("queue-row").nth(0).getByRole("checkbox").check();
    await page.getByTestId("queue-row").nth(1).getByRole("checkbox").check();
    await expect(page.getByTestId("bulk-toolbar")).toContainText("2 complaints selected");
    await page.getByRole("button", { name: "Change status…" }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog).toContainText("Change the status of 2 complaints");
    await dialog.getByTestId("bulk-confirm").click();
    await expect(dialog.getByText("Required")).toBeVisible(); // no status chosen: nothing is sent
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toHaveCount(0);
  });
});
