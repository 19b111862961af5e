// The admin mail page: the dev catcher's messages, a message's bodies in a sandboxed frame, and admin-only access.
import nodemailer from "nodemailer";
import { startMailCatcher } from "../../scripts/lib/mail-catcher";
import { expect, loginAs, test } from "./fixtures";

const SUBJECT = `E2E caught message ${Date.now().toString(36)}`;

test.describe.serial("admin mail page", () => {
  test("says when the mail catcher is not running", async ({ page }) => {
    // The e2e server runs without SMTP_URL and without a catcher, so the catcher's table does not exist yet.
    await loginAs(page, "admin");
    await page.goto("/admin/mail");
    await expect(page.getByTestId("mail-catcher-missing")).toBeVisible();
    await expect(page.getByTestId("outbox-card")).toBeVisible();
  });

  test("lists a caught e-mail and shows its bodies", async ({ page }) => {
    const databaseUrl = process.env.DATABASE_URL;
    if (!databaseUrl) throw new Error("DATABASE_URL is set by scripts/test.ts");
    const catcher = await startMailCatcher({ port: 0, databaseUrl });
    try {
      const transport = nodemailer.createTransport({ url: catcher.smtpUrl });
      await transport.sendMail({
        from: "Skyline CSM <no-reply@skyline.local>",
        to: "customer@e2e.example",
        subject: SUBJECT,
        text: "Plain body line one\nline two",
        html: "<p>Rendered <strong>HTML</strong> body</p>",
        headers: { "X-Skyline-Kind": "acknowledgement" },
      });
      transport.close();
    } finally {
      await catcher.stop();
    }

    await loginAs(page, "admin");
    await page.goto("/admin/mail");
    const table = page.getByTestId("caught-mail-table");
    await expect(table).toContainText("customer@e2e.example");
    await table.getByRole("link", { name: SUBJECT }).click();

    await expect(page).toHaveURL(/\/admin\/mail\/\d+$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(SUBJECT);
    await expect(page.getByTestId("mail-text")).toContainText("Plain body line one");
    const frame = page.getByTestId("mail-html-frame");
    await expect(frame).toHaveAttribute("sandbox", "");
    // Asserted on the attribute: reaching into a script-less sandboxed frame makes Chromium log "Blocked script
    // execution".
    await expect(frame).toHaveAttribute("srcdoc", /<strong>HTML<\/strong>/);
    await expect(frame).toHaveAttribute("srcdoc", /Content-Security-Policy/);
  });

  test("is not available to an agent", async ({ page }) => {
    await loginAs(page, "agent");
    await page.goto("/");
    await expect(page.getByRole("navigation").getByRole("link", { name: /^(mail|邮件)$/i })).toHaveCount(0);
    const response = await page.goto("/admin/mail");
    expect(response?.status()).toBe(403);
  });
});
