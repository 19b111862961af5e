// Reply-template admin: an admin creates a template (unknown placeholder refused, live preview), edits and
// deactivates it with confirmation; the Chinese page renders too.
import type { Page } from "@playwright/test";
import { expect, loginAs, test } from "./fixtures";

async function useLocale(page: Page, baseURL: string | undefined, locale: "en" | "zh-CN") {
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL ?? "http://localhost:3100" }]);
}

test.describe("reply template admin", () => {
  test("an admin creates, previews, edits and deactivates a template", async ({ page, baseURL }) => {
    await useLocale(page, baseURL, "en");
    await loginAs(page, "admin");
    await page.goto("/admin/reply-templates");
    await expect(page.getByRole("heading", { name: "Reply templates" })).toBeVisible();
    const code = `e2e-${Date.now().toString().slice(-6)}`;
    await page.getByRole("button", { name: "New template" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Code").fill(code);
    await dialog.getByLabel("Name (Chinese)").fill("测试模板");
    await dialog.getByLabel("Name (English)").fill("Test template");
    await dialog.getByLabel("Subject (Chinese)").fill("关于 {{complaint.reference}}");
    await dialog.getByLabel("Subject (English)").fill("About {{complaint.reference}}");
    await dialog.getByLabel("Body (Chinese)").fill("尊敬的{{customer.name}}：您好。");
    await dialog.getByLabel("Body (English)").fill("Dear {{customer.name}}, {{customer.nickname}}");
    await dialog.getByLabel("Preview language").selectOption("en");
    await expect(dialog.getByTestId("template-preview")).toContainText("About CMP-2026-000123");
    await expect(dialog.getByTestId("template-preview")).toContainText("Dear Mary Smith");
    await page.screenshot({ path: "test-results/reply-templates-dialog.png", fullPage: true });
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(dialog.getByText("Unknown placeholders: {{customer.nickname}}")).toBeVisible();
    await dialog.getByLabel("Body (English)").fill("Dear {{customer.name}},");
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(dialog).toBeHidden();

    const row = page.getByTestId(`reply-template-${code}`);
    await expect(row).toContainText("Test template");
    await expect(row).toContainText("Active");
    await row.getByRole("button", { name: `Edit template ${code}` }).click();
    await dialog.getByLabel("Name (English)").fill("Renamed template");
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(dialog).toBeHidden();
    await expect(row).toContainText("Renamed template");

    await row.getByRole("button", { name: `Deactivate template ${code}` }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Deactivate" }).click();
    await expect(row).toContainText("Inactive");
    await page.screenshot({ path: "test-results/reply-templates-list.png", fullPage: true });
    await row.getByRole("button", { name: `Activate template ${code}` }).click();
    await expect(row).toContainText("Active");
  });

  test("the page renders in Chinese", async ({ page, baseURL }) => {
    await useLocale(page, baseURL, "zh-CN");
    await loginAs(page, "admin");
    await page.goto("/admin/reply-templates");
    await expect(page.getByRole("heading", { name: "回复模板" })).toBeVisible();
    await page.getByRole("button", { name: "新建模板" }).click();
    await expect(page.getByRole("dialog").getByText("占位符")).toBeVisible();
    await page.screenshot({ path: "test-results/reply-templates-zh.png", fullPage: true });
  });
});
