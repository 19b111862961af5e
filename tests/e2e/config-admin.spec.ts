// Reference data and the improvement loop: an admin adds a category with a root cause; a manager creates an
// improvement action linking two complaints and sees before/after; an admin adds a webhook and sees a delivery.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "@playwright/test";
import { expect, loginAs, test, withDb } from "./fixtures";

async function useLocale(page: Page, baseURL: string | undefined, locale: "en" | "zh-CN") {
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL ?? "http://localhost:3100" }]);
}

test.describe("reference data and improvements", () => {
  test("an admin adds a category and a root cause for it", async ({ page, baseURL }) => {
    await useLocale(page, baseURL, "en");
    await loginAs(page, "admin");
    await page.goto("/admin/categories");
    const code = `E2E-${Date.now().toString().slice(-6)}`;
    await page.getByRole("button", { name: "Add category" }).first().click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Code").fill("bad code");
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(dialog.getByText("Use letters, digits, - _ or . only.")).toBeVisible();
    await expect(dialog.getByText("Required.").first()).toBeVisible();
    await dialog.getByLabel("Code").fill(code);
    await dialog.getByLabel("Chinese name").fill("噪音投诉");
    await dialog.getByLabel("English name").fill("Noise");
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(dialog).toBeHidden();

    const card = page.getByTestId(`category-${code}`);
    await expect(card).toContainText("Noise");
    await card.getByRole("button", { name: "Add root cause" }).click();
    await dialog.getByLabel("Code").fill(`${code}-RC`);
    await dialog.getByLabel("Chinese name").fill("机场施工");
    await dialog.getByLabel("English name").fill("Airport construction");
    await dialog.getByLabel("Kind").selectOption("external");
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(dialog).toBeHidden();
    await expect(card.getByTestId(`root-cause-${code}-RC`)).toContainText("Airport construction");
    await expect(card.getByTestId(`root-cause-${code}-RC`)).toContainText("External");
  });

  test("经理创建改进措施，关联两件投诉并查看前后对比", async ({ page, baseURL }) => {
    const { rootCause, references } = await withDb(async (client) => {
      const cause = await client.query<{ id: number; code: string }>(
        `SELECT r.id, r.code FROM root_causes r JOIN complaints c ON c."rootCauseId" = r.id GROUP BY r.id ORDER BY count(*) DESC LIMIT 1`,
      );
      const row = cause.rows[0];
      if (!row) throw new Error("no root cause with complaints in the demo data");
      const complaints = await client.query<{ reference: string }>(
        `SELECT reference FROM complaints WHERE "rootCauseId" = $1 ORDER BY id LIMIT 2`,
        [row.id],
      );
      return { rootCause: row, references: complaints.rows.map((c) => c.reference) };
    });
    await useLocale(page, baseURL, "zh-CN");
    await loginAs(page, "manager");
    await page.goto("/improvements");
    await page.getByRole("link", { name: "新建措施" }).click();
    const title = `E2E 行李转运流程改进 ${Date.now().toString().slice(-5)}`;
    await page.getByLabel("标题").fill(title);
    await page.getByLabel("根因").selectOption(String(rootCause.id));
    await page.getByLabel("截止日期").fill("2026-12-31");
    await page.getByLabel("投诉", { exact: true }).fill(references.join(", "));
    await page.getByRole("button", { name: "创建措施" }).click();
    await expect(page).toHaveURL(/\/improvements\/\d+$/, { timeout: 20_000 });
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    const linked = page.getByTestId("linked-complaints");
    for (const reference of references) await expect(linked).toContainText(reference);
    const panel = page.getByTestId("before-after");
    await expect(panel).toContainText("措施前后对比");
    await expect(page.getByTestId("before-per-week")).toHaveText(/^\d+(\.\d)?$/);
    await expect(panel.locator(".recharts-line")).toBeVisible();

    await page.goto("/improvements");
    await expect(page.getByTestId("improvements-table")).toContainText(title);
  });

  test.describe("webhooks", () => {
    let receiver: ReturnType<typeof createServer> | undefined;
    test.afterEach(async () => {
      await withDb((client) => client.query(`DELETE FROM webhooks WHERE url LIKE 'http://127.0.0.1:%/e2e-hook'`));
      await withDb((client) => client.query(`DELETE FROM settings WHERE key = 'webhooks.allowPrivateNetworks'`));
      receiver?.closeAllConnections();
      receiver?.close();
    });

    test("an admin adds a webhook, sees the secret once and a delivery after a complaint is logged", async ({
      page,
      baseURL,
    }) => {
      receiver = createServer((request, response) => {
        request.resume();
        request.on("end", () => response.end("ok"));
      });
      await new Promise<void>((resolve) => receiver?.listen(0, "127.0.0.1", resolve));
      const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/e2e-hook`;

      await useLocale(page, baseURL, "en");
      await loginAs(page, "admin");
      await page.goto("/admin/webhooks");
      await page.getByRole("button", { name: "New webhook" }).click();
      const dialog = page.getByRole("dialog");
      await dialog.getByLabel("Payload URL").fill(url);
      await dialog.getByRole("button", { name: "Create webhook" }).click();
      await expect(dialog.getByText("This address is on a private network")).toBeVisible();
      await dialog.getByRole("button", { name: "Cancel" }).click();
      await page.getByLabel("Allow targets on private networks").check();
      await expect(page.getByLabel("Allow targets on private networks")).toBeChecked();
      // The setting is saved by a server action; wait for it before creating the webhook.
      await expect
        .poll(() =>
          withDb(
            async (client) =>
              (await client.query(`SELECT value FROM settings WHERE key = 'webhooks.allowPrivateNetworks'`)).rows[0]
                ?.value,
          ),
        )
        .toBe(true);

      await page.getByRole("button", { name: "New webhook" }).click();
      await dialog.getByLabel("Payload URL").fill(url);
      await dialog.getByRole("button", { name: "Create webhook" }).click();
      await expect(page.getByTestId("new-webhook-secret")).toHaveValue(/^whsec_/);
      await dialog.getByRole("button", { name: "Done" }).click();
      await expect(page.getByTestId("webhooks-table")).toContainText(url);

      // An agent logs a complaint: a delivery is queued in the same transaction.
      await loginAs(page, "agent");
      await page.goto("/complaints/new");
      await page.getByTestId("intake-new-customer").click();
      const unique = Date.now().toString().slice(-8);
      await page.getByLabel("Name").fill(`Webhook Passenger ${unique}`);
      await page.getByLabel("Phone").fill(`+86 137 ${unique.slice(0, 4)} ${unique.slice(4)}`);
      await page.getByTestId("intake-severity").selectOption({ index: 2 });
      await page.getByTestId("intake-subject").fill("Seat broken on the flight");
      await page.getByTestId("intake-description").fill("The seat back would not stay upright for the whole flight.");
      await page.getByTestId("intake-submit").click();
      await expect(page).toHaveURL(/\/complaints\/CMP-\d{4}-\d{6}$/, { timeout: 20_000 });

      await loginAs(page, "admin");
      await page.goto("/admin/webhooks");
      await page.getByRole("link", { name: url }).click();
      const log = page.getByTestId("webhook-deliveries");
      await expect(log).toContainText("complaint.created");
      await expect(log.getByRole("button", { name: "Redeliver" }).first()).toBeVisible();
    });
  });
});
