// Managers configure surveys (/admin/surveys) and agents resolve "without survey"; agents cannot open the page.
import type { Page } from "@playwright/test";
import { expect, loginAs, test, withDb } from "./fixtures";

async function useLocale(page: Page, baseURL: string | undefined, locale: "en" | "zh-CN") {
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL ?? "http://localhost:3100" }]);
}

test.describe("survey administration", () => {
  test("a manager sees the response rate and saves settings, a reason and a text", async ({ page, baseURL }) => {
    await useLocale(page, baseURL, "en");
    await loginAs(page, "manager");
    await page.goto("/");
    await page.getByRole("navigation").getByRole("link", { name: "Surveys" }).click();
    await expect(page).toHaveURL(/\/admin\/surveys$/);

    // The seeded demo has surveys in the last 30 days: offered ≥ answered, figures shown as numbers.
    await expect(page.getByTestId("stat-sent")).toContainText(/\d/);
    await expect(page.getByTestId("stat-responseRate")).toContainText("%");

    const settings = page.getByTestId("survey-settings-form");
    await settings.getByLabel("Reminder after (days)").fill("20");
    await page.getByTestId("survey-settings-save").click();
    await expect(settings.getByText("The reminder must come before the expiry.")).toBeVisible();
    await settings.getByLabel("Reminder after (days)").fill("4");
    await settings.getByLabel("Exclude customers with these tags").fill("legal, press");
    await page.getByTestId("survey-settings-save").click();
    await expect(page.getByText("Survey settings saved")).toBeVisible();
    await expect
      .poll(() =>
        withDb(
          async (db) =>
            (
              await db.query<{ value: { reminderDays: number; excludeTags: string[] } }>(
                `SELECT value FROM settings WHERE key = 'survey'`,
              )
            ).rows[0]?.value,
        ),
      )
      .toMatchObject({ reminderDays: 4, excludeTags: ["legal", "press"] });

    await page.getByTestId("reason-add").click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Code").fill("e2e-seat-broken");
    await dialog.getByLabel("Name (Chinese)").fill("座椅损坏");
    await dialog.getByLabel("Name (English)").fill("Broken seat");
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(page.getByTestId("reason-table")).toContainText("Broken seat");

    await page.getByRole("tab", { name: "English" }).click();
    const english = page.getByTestId("survey-texts-en");
    await english.getByLabel("Thank-you message").fill("Thanks a lot for telling us!");
    await english.getByRole("button", { name: "Save texts" }).click();
    await expect(page.getByText("Survey texts saved")).toBeVisible();
  });

  test("an agent resolves without a survey, with the reason on the timeline; the admin page is closed to agents", async ({
    page,
    baseURL,
  }) => {
    await useLocale(page, baseURL, "en");
    const reference = await withDb(async (db) => {
      const { rows } = await db.query<{ reference: string }>(
        `SELECT c.reference FROM complaints c JOIN users u ON u.id = c."assigneeId"
         WHERE u.email = 'agent@skyline.example' AND c.status = 'in_progress'
           AND NOT EXISTS (SELECT 1 FROM surveys s WHERE s."complaintId" = c.id)
         ORDER BY c.id DESC LIMIT 1 OFFSET 1`,
      );
      if (!rows[0]) throw new Error("the demo agent has no complaint in progress");
      return rows[0].reference;
    });
    await loginAs(page, "agent");
    await page.goto(`/complaints/${reference}`);
    await page.getByTestId("transition-resolved").click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Root cause").selectOption({ index: 1 });
    await dialog.getByLabel("Resolution summary").fill("Refund confirmed by phone.");
    await dialog.getByTestId("resolve-without-survey").check();
    await dialog.getByTestId("transition-submit").click();
    await expect(dialog.getByText("This field is required.")).toBeVisible();
    await dialog.getByLabel("Why no survey?").fill("Customer asked not to be contacted again");
    await dialog.getByTestId("transition-submit").click();
    await expect(page.getByTestId("complaint-status")).toContainText("Resolved");
    const skipped = page.getByTestId("timeline").locator('[data-kind="survey_skipped"]');
    await expect(skipped).toContainText("resolved without survey");
    await expect(skipped).toContainText("Customer asked not to be contacted again");
    await expect(page.getByTestId("survey-panel")).toContainText("No survey for this complaint.");

    const response = await page.goto("/admin/surveys");
    expect(response?.status()).toBe(403);
  });
});
