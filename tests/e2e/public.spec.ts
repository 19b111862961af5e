import { randomInt } from "node:crypto";
import { expect, test, withDb } from "./fixtures";

// Each test posts from its own client address: the public form allows 5 submissions per address per hour.
const clientAddress = () => `198.18.${randomInt(0, 255)}.${randomInt(1, 254)}`;

test.describe("public complaint form and tracking page", () => {
  test.use({
    viewport: { width: 390, height: 844 },
    locale: "en-US",
    extraHTTPHeaders: { "x-forwarded-for": clientAddress() },
  });

  test("a customer files in English on a phone, follows the tracking link and replies", async ({ page }) => {
    const stamp = Date.now();
    await page.goto("/complaint");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { name: "Tell us what happened" })).toBeVisible();

    // Submitting empty shows errors next to the fields and creates nothing.
    await page.getByRole("button", { name: "Send", exact: true }).click();
    await expect(page.getByTestId("form-error")).toContainText("Please check the highlighted fields");
    await expect(page.getByLabel("Full name")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText("Give an e-mail address or a phone number.")).toBeVisible();

    await page.getByLabel("Full name").fill("Emily Carter");
    await page.getByLabel("E-mail").fill(`emily.carter.${stamp}@example.com`);
    await page.getByLabel("This is a…").selectOption("complaint");
    await page.getByLabel(/Topic/).selectOption({ label: "Baggage" });
    await page.getByLabel(/Flight number/).fill("sk1234");
    await page.getByLabel("Subject").fill(`Damaged suitcase ${stamp}`);
    await page
      .getByLabel("Your message")
      .fill("The handle of my suitcase was broken when I collected it at the carousel in Shanghai.");
    await page.getByRole("button", { name: "Send", exact: true }).click();

    const submitted = page.getByTestId("complaint-submitted");
    await expect(submitted).toContainText("Thank you, we have received your message");
    const reference = (await page.getByTestId("complaint-reference").textContent())?.trim() ?? "";
    expect(reference).toMatch(/^CMP-\d{4}-\d{6,}$/);
    await expect(page.getByTestId("tracking-url")).toHaveValue(/\/track\/[A-Za-z0-9_-]{40,}$/);
    await expect(submitted).toContainText("We have sent a confirmation with this link to your e-mail address.");

    const stored = await withDb(async (client) => {
      const { rows } = await client.query<{ id: number; channel: string; status: string; flight: string }>(
        `SELECT c.id, ch.kind AS channel, c.status, c."flightNumber" AS flight FROM complaints c JOIN channels ch ON ch.id = c."channelId" WHERE c.reference = $1`,
        [reference],
      );
      return rows[0];
    });
    expect(stored).toMatchObject({ channel: "web", status: "new", flight: "SK1234" });

    // A staff reply is shown (without the agent's name); an internal note is not.
    await withDb((client) =>
      client.query(
        `INSERT INTO complaint_events ("complaintId", kind, visibility, "actorType", body) VALUES
           ($1, 'reply', 'customer', 'user', 'We are sorry about your suitcase and will arrange a repair.'),
           ($1, 'note', 'internal', 'user', 'INTERNAL NOTE: check the baggage claim video')`,
        [stored?.id],
      ),
    );

    await page.getByTestId("open-tracking").click();
    await expect(page.getByTestId("tracking-page")).toBeVisible();
    await expect(page.getByTestId("tracking-reference")).toContainText(reference);
    await expect(page.getByRole("heading", { name: `Damaged suitcase ${stamp}` })).toBeVisible();
    await expect(page.getByTestId("tracking-status")).toContainText("Received");
    const events = page.getByTestId("tracking-events");
    await expect(events).toContainText("We are sorry about your suitcase and will arrange a repair.");
    await expect(events).toContainText("Skyline customer service");
    await expect(page.getByText("INTERNAL NOTE")).toHaveCount(0);

    await page.getByLabel("Write to us").fill("Thank you. The suitcase is a grey hard-shell, 28 inches.");
    await page.getByRole("button", { name: "Send message" }).click();
    await expect(page.getByTestId("tracking-reply-status")).toContainText("Message sent.");
    await expect(events.locator("li[data-kind='customer_message']")).toContainText(
      "The suitcase is a grey hard-shell, 28 inches.",
    );
    await expect(page.getByLabel("Write to us")).toHaveValue("");

    // The reply survives a reload: it is stored, not just shown.
    await page.reload();
    await expect(page.getByTestId("tracking-events")).toContainText("The suitcase is a grey hard-shell, 28 inches.");
  });

  test("an unknown tracking link answers 404 with a page that helps the customer", async ({ page }) => {
    // Through the API client: a browser would log the 404 as a console error, which the fixture rejects.
    const response = await page.request.get("/track/this-is-not-a-valid-tracking-token", {
      headers: { cookie: "NEXT_LOCALE=en" },
    });
    expect(response.status()).toBe(404);
    const html = await response.text();
    expect(html).toContain("We could not find this case");
    expect(html).toContain("tracking-not-found");
  });
});

test.describe("public pages in Chinese", () => {
  test.use({ locale: "en-US", extraHTTPHeaders: { "x-forwarded-for": clientAddress() } });

  test("the language switcher turns the form into Chinese, and the reply language follows", async ({ page }) => {
    await page.goto("/complaint");
    await expect(page.getByRole("heading", { name: "Tell us what happened" })).toBeVisible();
    await page.getByTestId("language-switcher").click();
    await page.getByTestId("language-option-zh-CN").click();
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(page.getByRole("heading", { name: "告诉我们发生了什么" })).toBeVisible();
    await expect(page.getByLabel("回复语言")).toHaveValue("zh-CN");
    await expect(page.getByLabel("诉求类型").locator("option")).toHaveText(["投诉", "建议", "咨询", "表扬"]);
    await expect(page.getByRole("button", { name: "提交" })).toBeVisible();

    await page.getByRole("button", { name: "提交" }).click();
    await expect(page.getByTestId("form-error")).toContainText("请检查标红的字段");
    await expect(page.getByText("请填写电子邮箱或手机号码。")).toBeVisible();
  });
});
