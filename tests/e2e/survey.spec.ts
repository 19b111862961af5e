import { createHash, randomBytes } from "node:crypto";
import { expect, test, withDb } from "./fixtures";

// Surveys are inserted straight into the e2e database (the page looks them up by the token's SHA-256), on a
// resolved complaint of the demo seed.
async function insertSurvey({ expiresInDays }: { expiresInDays: number }) {
  const token = randomBytes(32).toString("base64url");
  const tokenHash = createHash("sha256").update(token).digest("hex");
  const surveyId = await withDb(async (client) => {
    const { rows: complaints } = await client.query<{ id: number; customerId: number }>(
      `SELECT id, "customerId" FROM complaints WHERE status = 'resolved' ORDER BY id LIMIT 1`,
    );
    const complaint = complaints[0];
    if (!complaint) throw new Error("the demo seed has no resolved complaint");
    const { rows } = await client.query<{ id: number }>(
      `INSERT INTO surveys ("complaintId", "customerId", "tokenHash", locale, status, "scheduledAt", "sentAt", "expiresAt")
       VALUES ($1, $2, $3, 'en', 'sent', now(), now(), now() + make_interval(days => $4::int)) RETURNING id`,
      [complaint.id, complaint.customerId, tokenHash, expiresInDays],
    );
    return rows[0]?.id;
  });
  if (!surveyId) throw new Error("survey not inserted");
  return { token, surveyId };
}

async function responseOf(surveyId: number) {
  return withDb(async (client) => {
    const { rows } = await client.query<{ csat: number | null }>(
      `SELECT csat FROM survey_responses WHERE "surveyId" = $1`,
      [surveyId],
    );
    return rows[0] ?? null;
  });
}

test.describe("public survey page", () => {
  test.use({ viewport: { width: 390, height: 844 }, locale: "en-US" });

  test("the one-click score is pre-selected, recorded only on confirm", async ({ page }) => {
    const { token, surveyId } = await insertSurvey({ expiresInDays: 14 });
    await page.goto(`/survey/${token}?score=5`);
    await expect(page.getByTestId("survey-form")).toBeVisible();
    await expect(page.getByRole("heading", { name: "How did we do?" })).toBeVisible();
    await expect(page.getByTestId("csat-5")).toBeChecked();

    // Opening the link (as a mail scanner would) records nothing but openedAt.
    expect(await responseOf(surveyId)).toBeNull();
    const opened = await withDb((client) =>
      client.query<{ openedAt: Date | null; status: string }>(`SELECT "openedAt", status FROM surveys WHERE id = $1`, [
        surveyId,
      ]),
    );
    expect(opened.rows[0]?.openedAt).not.toBeNull();
    expect(opened.rows[0]?.status).toBe("sent");

    await page.getByRole("button", { name: "Send my answer" }).click();
    await expect(page.getByTestId("survey-thanks")).toContainText("Thank you for your feedback");
    expect(await responseOf(surveyId)).toEqual({ csat: 5 });
  });

  test("a low score asks for reasons; no score shows an error next to the scale", async ({ page }) => {
    const { token, surveyId } = await insertSurvey({ expiresInDays: 14 });
    await page.goto(`/survey/${token}`);
    await page.getByRole("button", { name: "Send my answer" }).click();
    await expect(page.getByText("Please choose a score.")).toBeVisible();
    expect(await responseOf(surveyId)).toBeNull();

    // The radios are visually hidden behind their buttons: tap the visible label.
    await page.getByTestId("csat-group").locator("label").first().click();
    await expect(page.getByTestId("csat-1")).toBeChecked();
    await expect(page.getByTestId("survey-reasons")).toBeVisible();
  });

  test("an expired survey says so", async ({ page }) => {
    const { token } = await insertSurvey({ expiresInDays: -1 });
    await page.goto(`/survey/${token}?score=4`);
    await expect(page.getByTestId("survey-expired")).toContainText("This survey has expired");
  });

  test("an unknown token is a 404", async ({ page }) => {
    const response = await page.request.get(`/survey/${randomBytes(32).toString("base64url")}`);
    expect(response.status()).toBe(404);
  });
});
