import { randomInt } from "node:crypto";
import { expect, test } from "./fixtures";

// Issue 14 item 5: a travel date more than 2 years back is refused next to the field, in the customer's language,
// and nothing is filed. Screenshots: test-results/e2e/service-date-<locale>.png.
const threeYearsAgo = () => new Date(Date.now() - 3 * 365 * 86_400_000).toISOString().slice(0, 10);

for (const { locale, cookie, date, send, message } of [
  {
    locale: "en",
    cookie: "en",
    date: /Travel date/,
    send: "Send",
    message: "Enter a travel date within the last 2 years (and no more than 30 days ahead).",
  },
  {
    locale: "zh-CN",
    cookie: "zh-CN",
    date: /乘机\/服务日期/,
    send: "提交",
    message: "请填写近两年内的出行日期（最晚为 30 天后）。",
  },
]) {
  test(`public form: a travel date three years back is a field error (${locale})`, async ({ page, context }) => {
    await context.addCookies([{ name: "NEXT_LOCALE", value: cookie, domain: "localhost", path: "/" }]);
    await page.setExtraHTTPHeaders({ "x-forwarded-for": `198.19.${randomInt(0, 255)}.${randomInt(1, 254)}` });
    await page.goto("/complaint");
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    const stamp = Date.now();
    await page.locator("#name").fill("Emily Carter");
    await page.locator("#email").fill(`emily.${stamp}@example.com`);
    await page.locator("#subject").fill(`Old trip ${stamp}`);
    await page
      .locator("#description")
      .fill("My suitcase was damaged on a trip a long time ago and nobody answered my letter.");
    await page.getByLabel(date).fill(threeYearsAgo());
    await page.getByRole("button", { name: send, exact: true }).click();
    await expect(page.getByText(message)).toBeVisible();
    await expect(page.getByLabel(date)).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByTestId("complaint-submitted")).toHaveCount(0);
    await page.getByLabel(date).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/e2e/service-date-${locale}.png` });
  });
}
