// Agent intake: log a phone complaint for a new customer and land on its workspace; validation; keyboard picking.
import type { Page } from "@playwright/test";
import { expect, loginAs, test } from "./fixtures";

async function useLocale(page: Page, baseURL: string | undefined, locale: "en" | "zh-CN") {
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL ?? "http://localhost:3100" }]);
}

const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5d4a1c10000000049454e44ae426082",
  "hex",
);

test.describe("new complaint intake", () => {
  test("an agent logs a phone complaint for a new customer and lands on the complaint", async ({ page, baseURL }) => {
    await useLocale(page, baseURL, "en");
    await loginAs(page, "agent");
    await page.goto("/complaints/new");
    await page.getByTestId("intake-new-customer").click();
    const unique = Date.now().toString().slice(-8);
    await page.getByLabel("Name").fill(`Test Passenger ${unique}`);
    await page.getByLabel("Phone").fill(`+86 139 ${unique.slice(0, 4)} ${unique.slice(4)}`);
    await page.getByLabel("E-mail").fill(`passenger.${unique}@example.com`);
    await expect(page.getByTestId("intake-channel")).toHaveValue(/\d+/); // phone is pre-selected
    await expect(page.getByTestId("intake-channel").locator("option:checked")).toHaveText("Phone");
    await page.getByTestId("intake-severity").selectOption({ index: 2 });
    await expect(page.getByText("suggested", { exact: true })).toBeVisible();
    await page.getByTestId("intake-subject").fill("Bag damaged on arrival");
    // Enter in a single-line field does not submit a half-filled form.
    await page.getByTestId("intake-subject").press("Enter");
    await expect(page).toHaveURL(/\/complaints\/new$/);
    await page
      .getByTestId("intake-description")
      .fill("The suitcase arrived with a broken handle and a torn side panel.");
    // A photo of the damage goes with the complaint (type and size are checked; the server checks the content too).
    await page
      .getByTestId("intake-attachment-input")
      .setInputFiles({ name: "handle.png", mimeType: "image/png", buffer: PNG });
    await expect(page.getByTestId("intake-files")).toContainText("handle.png");
    await page.getByTestId("intake-description").press("Control+Enter");
    await expect(page).toHaveURL(/\/complaints\/CMP-\d{4}-\d{6}$/, { timeout: 20_000 });
    await expect(page.getByTestId("attachments-panel").getByRole("link", { name: "handle.png" })).toBeVisible();
  });

  test("shows what is missing next to the fields and in a summary (zh-CN)", async ({ page, baseURL }) => {
    await useLocale(page, baseURL, "zh-CN");
    await loginAs(page, "agent");
    await page.goto("/complaints/new");
    await page.getByTestId("intake-new-customer").click();
    await page.getByLabel("邮箱").fill("not-an-email");
    await page.getByTestId("intake-subject").fill("短");
    await page.getByTestId("intake-submit").click();
    await expect(page.getByTestId("intake-error-summary")).toContainText("字段需要修改");
    await expect(page.getByText("邮箱格式不正确")).toBeVisible();
    await expect(page.getByText("内容太短").first()).toBeVisible();
    await expect(page.getByLabel("姓名")).toHaveAttribute("aria-invalid", "true");
    await expect(page).toHaveURL(/\/complaints\/new$/);
  });

  test("an existing customer is found as you type and picked with the keyboard", async ({ page, baseURL }) => {
    await useLocale(page, baseURL, "zh-CN");
    await loginAs(page, "agent");
    await page.goto("/complaints/new");
    const search = page.getByTestId("customer-search");
    await search.fill("王");
    await expect(page.getByRole("option").first()).toBeVisible();
    await search.press("ArrowDown");
    await search.press("Enter");
    await expect(page.getByTestId("intake-picked-customer")).toBeVisible();
    await expect(page).toHaveURL(/\/complaints\/new$/);
  });
});
