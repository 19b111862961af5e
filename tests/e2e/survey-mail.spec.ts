// The survey journey end to end: the agent resolves a complaint in the workspace, the survey e-mail reaches the
// (dev) SMTP catcher, a link scanner's GET records nothing,
// an expired link says so, the customer confirms the one-click score on a phone, then changes it to the full survey,
// and a stale second submission is refused politely.
import { randomBytes } from "node:crypto";
import { caughtMailTo, expect, loginAs, test, withDb } from "./fixtures";

type Prepared = { reference: string; complaintId: number; email: string };

/** The demo agent's newest in-progress complaint, given a fresh customer (e-mail, English, surveys allowed). */
async function prepareComplaint(): Promise<Prepared> {
  const email = `survey-${randomBytes(4).toString("hex")}@e2e.example`;
  return withDb(async (db) => {
    const { rows } = await db.query<{ id: number; reference: string }>(
      `SELECT c.id, c.reference FROM complaints c JOIN users u ON u.id = c."assigneeId"
       WHERE u.email = 'agent@skyline.example' AND c.status = 'in_progress'
         AND NOT EXISTS (SELECT 1 FROM surveys s WHERE s."complaintId" = c.id)
       ORDER BY c.id DESC LIMIT 1`,
    );
    const complaint = rows[0];
    if (!complaint) throw new Error("the demo agent has no complaint in progress");
    const customer = await db.query<{ id: number }>(
      `INSERT INTO customers (name, email, locale, "consentSurvey", "updatedAt") VALUES ('Alex Survey', $1, 'en', true, now()) RETURNING id`,
      [email],
    );
    await db.query(`UPDATE complaints SET "customerId" = $1, locale = 'en' WHERE id = $2`, [
      customer.rows[0]?.id,
      complaint.id,
    ]);
    return { reference: complaint.reference, complaintId: complaint.id, email };
  });
}

async function surveyState(complaintId: number) {
  return withDb(async (db) => {
    const { rows } = await db.query<{
      id: number;
      status: string;
      csat: number | null;
      nps: number | null;
      comment: string | null;
    }>(
      `SELECT s.id, s.status, r.csat, r.nps, r.comment FROM surveys s LEFT JOIN survey_responses r ON r."surveyId" = s.id WHERE s."complaintId" = $1`,
      [complaintId],
    );
    return rows[0] ?? null;
  });
}

test.describe.serial("survey e-mail journey", () => {
  let prepared: Prepared;
  let oneClick: string;

  test("resolving in the workspace e-mails the survey with five one-click links", async ({ page }) => {
    prepared = await prepareComplaint();
    await loginAs(page, "agent");
    await page.goto(`/complaints/${prepared.reference}`);
    await page.getByTestId("transition-resolved").click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Root cause").selectOption({ index: 1 });
    await dialog.getByLabel("Resolution summary").fill("Bag found and delivered to the hotel the same evening.");
    await dialog.getByTestId("transition-submit").click();
    await expect(page.getByTestId("complaint-status")).toContainText("Resolved");
    await expect(page.getByTestId("timeline").locator('[data-kind="survey_sent"]')).toBeVisible();
    await expect(page.getByTestId("survey-status")).toHaveText("Sent");

    await expect
      .poll(async () => (await caughtMailTo(prepared.email)).filter((mail) => mail.kind === "survey").length, {
        timeout: 30_000,
      })
      .toBe(1);
    const [mail] = (await caughtMailTo(prepared.email)).filter((candidate) => candidate.kind === "survey");
    expect(mail?.subject).toContain(prepared.reference);
    const links = [...(mail?.text ?? "").matchAll(/https?:\/\/\S+\/survey\/[A-Za-z0-9_-]{43}\?score=([1-5])/g)];
    expect(links.map((match) => match[1])).toEqual(["1", "2", "3", "4", "5"]);
    oneClick = links[3]![0];

    // The agent can copy the same link for SMS or a phone call.
    await page.getByTestId("copy-survey-link").click();
    await expect(page.getByTestId("survey-link")).toHaveValue(oneClick.replace(/\?score=4$/, ""));
  });

  test("a link scanner's GET of a one-click link records nothing", async ({ page }) => {
    const response = await page.request.get(oneClick, { headers: { "user-agent": "SafeLinks-Scanner/1.0" } });
    expect(response.status()).toBe(200);
    expect(await surveyState(prepared.complaintId)).toMatchObject({ status: "sent", csat: null });
  });

  test("the same link past its expiry shows the expired page and records nothing", async ({ page }) => {
    const setExpiry = (sql: string) =>
      withDb((db) =>
        db.query(`UPDATE surveys SET "expiresAt" = ${sql} WHERE "complaintId" = $1`, [prepared.complaintId]),
      );
    await setExpiry("now() - interval '1 minute'");
    try {
      await page.goto(oneClick);
      await expect(page.getByTestId("survey-expired")).toContainText("This survey has expired");
      await expect(page.getByTestId("survey-form")).toHaveCount(0);
    } finally {
      await setExpiry("now() + interval '14 days'");
    }
  });

  test.describe("on a phone", () => {
    test.use({ viewport: { width: 390, height: 844 }, locale: "en-US", isMobile: true, hasTouch: true });

    test("the one-click score is confirmed with one tap, then changed to the full survey", async ({
      page,
      context,
    }) => {
      await page.goto(oneClick);
      await expect(page.getByTestId("survey-reference")).toContainText(prepared.reference);
      await expect(page.getByTestId("csat-4")).toBeChecked();
      await page.getByRole("button", { name: "Send my answer" }).tap();
      await expect(page.getByTestId("survey-thanks")).toBeVisible();
      await expect.poll(async () => (await surveyState(prepared.complaintId))?.csat).toBe(4);

      // A second visit shows the thanks page; the answer can be changed while the case is open.
      await page.goto(oneClick);
      await expect(page.getByTestId("survey-thanks")).toContainText("You can change your answer");
      await page.getByTestId("survey-change").tap();
      await expect(page.getByTestId("survey-form")).toBeVisible();
      await expect(page.getByTestId("csat-4")).toBeChecked();

      // The same form open in a second tab: it will be stale once the first one is sent.
      const second = await context.newPage();
      await second.goto(page.url());
      await expect(second.getByTestId("survey-form")).toBeVisible();

      const choose = (name: string) => page.locator("label", { has: page.getByTestId(name) }).tap();
      await choose("csat-5");
      await choose("resolved-yes");
      await choose("nps-9");
      await choose("ces-6");
      await page.getByLabel(/Anything else you would like to tell us/).fill("Quick and friendly, thank you.");
      await page.getByRole("button", { name: "Send my answer" }).tap();
      await expect(page.getByTestId("survey-thanks")).toBeVisible();
      await expect
        .poll(async () => surveyState(prepared.complaintId))
        .toMatchObject({ status: "answered", csat: 5, nps: 9, comment: "Quick and friendly, thank you." });

      await second.locator("label", { has: second.getByTestId("csat-1") }).tap();
      await second.getByRole("button", { name: "Send my answer" }).tap();
      await expect(second.getByTestId("survey-error")).toContainText("we have already received this answer");
      expect(await surveyState(prepared.complaintId)).toMatchObject({ csat: 5 });
      await second.close();
    });
  });

  test("the agent sees the answer on the timeline and in the survey panel", async ({ page }) => {
    await loginAs(page, "agent");
    await page.goto(`/complaints/${prepared.reference}`);
    await expect(page.getByTestId("timeline").locator('[data-kind="survey_answered"]').last()).toContainText(
      "CSAT 5/5",
    );
    await expect(page.getByTestId("survey-answer")).toContainText("NPS 9");
  });
});
