import { expect, loginAs, test, withDb } from "./fixtures";

const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5d4a1c10000000049454e44ae426082",
  "hex",
);

test("an agent attaches a photo to a complaint; other files are refused with a clear message", async ({
  page,
  baseURL,
  browser,
  consoleErrors,
}) => {
  const reference = await withDb(async (db) => {
    const result = await db.query<{ reference: string }>(
      `select c.reference from complaints c join users u on u.id = c."assigneeId"
       where u.email = 'agent@skyline.example' and c.status in ('in_progress', 'acknowledged') order by c.id limit 1`,
    );
    return result.rows[0]?.reference;
  });
  expect(reference).toBeTruthy();
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "en", url: baseURL ?? "http://localhost:3100" }]);
  await loginAs(page, "agent");
  await page.goto(`/complaints/${reference}`);
  const panel = page.getByTestId("attachments-panel");
  await panel
    .getByTestId("attachment-input")
    .setInputFiles({ name: "broken-suitcase.png", mimeType: "image/png", buffer: PNG });
  await expect(panel.getByRole("link", { name: "broken-suitcase.png" })).toBeVisible();

  await panel
    .getByTestId("attachment-input")
    .setInputFiles({ name: "notes.png", mimeType: "image/png", buffer: Buffer.from("just text, not an image") });
  await expect(panel.getByRole("alert")).toContainText("Only images");
  // The refused upload is a 400 on purpose; Chromium logs it, and nothing else may be logged.
  const expected = consoleErrors.findIndex((message) => message.includes("400 (Bad Request)"));
  expect(expected).toBeGreaterThanOrEqual(0);
  consoleErrors.splice(expected, 1);

  const href = await panel.getByRole("link", { name: "broken-suitcase.png" }).getAttribute("href");
  const served = await page.request.get(href ?? "");
  expect(served.headers()["content-type"]).toBe("image/png");
  expect(served.headers()["x-content-type-options"]).toBe("nosniff");
  const anonymous = await browser.newContext();
  const refused = await anonymous.request.get(`${baseURL}${href}`);
  expect(refused.status()).toBe(401);
  await anonymous.close();
});
