// A phone-only customer (issue 16), on a phone-sized screen in Chinese: the agent logs the complaint with SMS as the
// preferred channel → acknowledgement SMS with a short tracking link in the development SMS centre → the customer
// opens it → the agent resolves → survey SMS with a short link → the customer answers from it (mode sms). A second
// customer gets a phone 回访 recorded by the agent (mode phone); the manager dashboard splits answers by mode.
// Admin sees /admin/sms.
import type { Page } from "@playwright/test";
import { caughtSmsTo, expect, loginAs, test, withDb } from "./fixtures";

async function setLocaleCookie(page: Page, baseURL: string | undefined, locale: "en" | "zh-CN") {
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL ?? "http://localhost:3100" }]);
}

async function smsWith(digits: string, pattern: RegExp) {
  let found: { text: string; encoding: string; segments: number } | undefined;
  await expect
    .poll(
      async () => {
        found = (await caughtSmsTo(digits)).find((sms) => pattern.test(sms.text));
        return found !== undefined;
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  if (!found) throw new Error("no SMS");
  return found;
}

function shortLink(text: string, prefix: "t" | "s") {
  const match = new RegExp(`https?://[^\\s]+(/${prefix}/[A-Za-z0-9_-]{22})`).exec(text);
  if (!match?.[1]) throw new Error(`no /${prefix}/ link in ${text}`);
  return match[1];
}

test.describe("phone- and SMS-first customers", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test.beforeAll(async () => {
    // Deterministic whatever the hour of the run: no quiet hours for this journey (they are covered by unit and
    // integration tests).
    await withDb((client) =>
      client.query(
        `INSERT INTO settings (key, value, "updatedAt") VALUES ('sms', $1, now()) ON CONFLICT (key) DO UPDATE SET value = $1, "updatedAt" = now()`,
        [JSON.stringify({ signature: "天际航空", quietStartHour: 0, quietEndHour: 0 })],
      ),
    );
  });

  test("acknowledgement, tracking, resolution and survey by SMS for a customer without e-mail (zh-CN)", async ({
    page,
    baseURL,
    browser,
  }) => {
    const digits = `139${String(Date.now()).slice(-8)}`;
    await setLocaleCookie(page, baseURL, "zh-CN");
    await loginAs(page, "agent");
    await page.goto("/complaints/new");
    await page.getByTestId("intake-new-customer").click();
    await page.getByLabel("姓名").fill("张短信");
    await page.getByLabel("电话").fill(digits);
    await page.getByTestId("new-customer-channel").selectOption("sms");
    await page.getByTestId("intake-severity").selectOption({ index: 2 });
    // A category, so that resolving offers its root causes.
    await page.getByLabel("类别", { exact: true }).selectOption({ index: 1 });
    await page.getByTestId("intake-subject").fill("航班取消未收到通知");
    await page.getByTestId("intake-description").fill("航班临时取消，没有收到任何短信或电话通知，耽误了行程。");
    await page.screenshot({ path: "test-results/sms-intake-zh.png", fullPage: true });
    await page.getByTestId("intake-submit").click();
    await expect(page).toHaveURL(/\/complaints\/CMP-/);
    const reference = /CMP-\d{4}-\d+/.exec(page.url())?.[0] ?? "";

    const acknowledgement = await smsWith(digits, /已受理/);
    expect(acknowledgement.text).toContain(`【天际航空】您的投诉已受理，编号${reference}`);
    expect(acknowledgement.encoding).toBe("ucs2");
    const tracking = shortLink(acknowledgement.text, "t");
    expect(tracking.length).toBeLessThanOrEqual(40);

    // The customer opens the short link on their phone (no sign-in).
    const customer = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: "zh-CN" });
    const phone = await customer.newPage();
    await phone.goto(tracking);
    await expect(phone.getByTestId("tracking-page")).toContainText(reference);
    await phone.screenshot({ path: "test-results/sms-tracking-zh.png", fullPage: true });

    // The reply box tells the agent the reply goes by SMS, with its segment count.
    await page.getByTestId("composer").getByRole("textbox").fill("您好，我们已核实航班取消原因，将为您办理全额退款。");
    await expect(page.getByTestId("sms-segment-hint")).toContainText("将以短信发送：");

    // The agent resolves; the result notice and the survey invitation go by SMS.
    await page.getByTestId("transition-resolved").click();
    const resolve = page.getByRole("dialog");
    await resolve.getByLabel("根本原因").selectOption({ index: 1 });
    await resolve.getByLabel("处理结果").fill("已办理全额退款并致歉。");
    await resolve.getByTestId("transition-submit").click();
    await expect(page.getByTestId("complaint-status")).toContainText("已解决");
    await smsWith(digits, /已处理完毕/);
    const invitation = await smsWith(digits, /评分/);
    expect(invitation.text).toContain("回TD退订");

    // The customer answers from the survey link; opening it records nothing until they confirm.
    await phone.goto(shortLink(invitation.text, "s"));
    await expect(phone.getByTestId("survey-form")).toBeVisible();
    await phone.getByTestId("csat-group").locator("label").nth(4).click();
    await phone.screenshot({ path: "test-results/sms-survey-zh.png", fullPage: true });
    await phone.getByRole("button", { name: "提交评价" }).click();
    await expect(phone.getByTestId("survey-thanks")).toBeVisible();
    const answer = await withDb((client) =>
      client.query<{ csat: number }>(
        `SELECT r.csat FROM survey_responses r JOIN complaints c ON c.id = r."complaintId" WHERE c.reference = $1`,
        [reference],
      ),
    );
    expect(answer.rows[0]?.csat).toBe(5);
    // Answered from the SMS short link: counted as an SMS-mode answer.
    const mode = await withDb((client) =>
      client.query<{ mode: string }>(
        `SELECT r.mode::text AS mode FROM survey_responses r JOIN complaints c ON c.id = r."complaintId" WHERE c.reference = $1`,
        [reference],
      ),
    );
    expect(mode.rows[0]?.mode).toBe("sms");
    await customer.close();
  });

  test("an agent records a phone 回访 survey for a second customer; the dashboard splits answers by mode (zh-CN and en)", async ({
    page,
    baseURL,
  }) => {
    const digits = `137${String(Date.now()).slice(-8)}`;
    await setLocaleCookie(page, baseURL, "zh-CN");
    await loginAs(page, "agent");
    await page.goto("/complaints/new");
    await page.getByTestId("intake-new-customer").click();
    await page.getByLabel("姓名").fill("李电话");
    await page.getByLabel("电话").fill(digits);
    await page.getByTestId("new-customer-channel").selectOption("sms");
    await page.getByTestId("intake-severity").selectOption({ index: 2 });
    await page.getByLabel("类别", { exact: true }).selectOption({ index: 1 });
    await page.getByTestId("intake-subject").fill("行李延误三天才送达");
    await page.getByTestId("intake-description").fill("托运行李延误三天才送到酒店，期间没有人主动联系我。");
    await page.getByTestId("intake-submit").click();
    await expect(page).toHaveURL(/\/complaints\/CMP-/);
    const reference = /CMP-\d{4}-\d+/.exec(page.url())?.[0] ?? "";
    await page.getByTestId("transition-resolved").click();
    const resolve = page.getByRole("dialog");
    await resolve.getByLabel("根本原因").selectOption({ index: 1 });
    await resolve.getByLabel("处理结果").fill("行李已送达并补偿交通费。");
    await resolve.getByTestId("transition-submit").click();
    await expect(page.getByTestId("complaint-status")).toContainText("已解决");

    // The survey panel offers the phone 回访; the script is in the customer's language.
    await page.getByTestId("phone-survey-open").click();
    await expect(page.getByTestId("phone-survey-form")).toBeVisible();
    await expect(page.getByTestId("phone-survey-form")).toContainText(reference);
    await page.getByTestId("csat-group").locator("label").nth(3).click();
    await page.getByTestId("nps-group").locator("label").nth(8).click();
    await page.screenshot({ path: "test-results/phone-survey-zh-CN.png", fullPage: true });
    // The agent's UI in English: the controls change language, the script stays Chinese (the customer's).
    await setLocaleCookie(page, baseURL, "en");
    await page.reload();
    await expect(page.getByTestId("phone-survey-language")).toContainText("Chinese");
    await expect(page.getByTestId("csat-group")).toContainText("满意");
    await page.getByTestId("csat-group").locator("label").nth(3).click();
    await page.getByTestId("nps-group").locator("label").nth(8).click();
    await page.screenshot({ path: "test-results/phone-survey-en.png", fullPage: true });
    await page.getByTestId("phone-survey-submit").click();
    await expect(page.getByTestId("phone-survey-saved")).toBeVisible();
    await page.goto(`/complaints/${reference}`);
    await expect(page.getByTestId("survey-answer-mode")).toContainText("Recorded on the phone");
    const recorded = await withDb((client) =>
      client.query<{ mode: string; recorded: number | null; csat: number }>(
        `SELECT r.mode::text AS mode, r."recordedById" AS recorded, r.csat FROM survey_responses r JOIN complaints c ON c.id = r."complaintId" WHERE c.reference = $1`,
        [reference],
      ),
    );
    expect(recorded.rows[0]).toMatchObject({ mode: "phone", csat: 4 });
    expect(recorded.rows[0]?.recorded).not.toBeNull();

    // The manager sees both modes in the dashboard split (this run's SMS answer and this phone answer).
    await page.context().clearCookies();
    await loginAs(page, "manager");
    await page.setViewportSize({ width: 1280, height: 900 });
    for (const locale of ["zh-CN", "en"] as const) {
      await setLocaleCookie(page, baseURL, locale);
      await page.goto("/dashboard");
      const split = page.getByTestId("survey-modes");
      await expect(split).toBeVisible();
      for (const mode of ["sms", "phone"]) {
        const responses = Number(
          (
            await split
              .locator(`tbody tr:nth-child(${mode === "sms" ? 2 : 3}) td`)
              .first()
              .innerText()
          ).replace(/\D/g, ""),
        );
        expect(responses).toBeGreaterThan(0);
      }
      await split.scrollIntoViewIfNeeded();
      await split.screenshot({ path: `test-results/dashboard-survey-modes-${locale}.png` });
    }
  });

  test("the admin SMS page shows the settings and the outbox (zh-CN and en)", async ({ page, baseURL }) => {
    await loginAs(page, "admin");
    for (const locale of ["zh-CN", "en"] as const) {
      await setLocaleCookie(page, baseURL, locale);
      await page.goto("/admin/sms");
      await expect(page.getByTestId("sms-settings-form")).toBeVisible();
      await expect(page.getByTestId("sms-outbox-card")).toBeVisible();
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.screenshot({ path: `test-results/admin-sms-${locale}.png`, fullPage: true });
    }
  });
});
