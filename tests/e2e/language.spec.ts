import { expect, loginAs, test } from "./fixtures";

test.describe("two languages", () => {
  test.use({ locale: "en-US" });

  test("an English browser gets English; a Chinese browser gets Chinese", async ({ page, browser }) => {
    await page.goto("/login");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();

    const chinese = await browser.newContext({ locale: "zh-CN" });
    const zhPage = await chinese.newPage();
    await zhPage.goto("/login");
    await expect(zhPage.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(zhPage.getByRole("button", { name: "登录" })).toBeVisible();
    await chinese.close();
  });

  test("the switcher changes the whole UI and the choice is remembered", async ({ page }) => {
    await loginAs(page, "manager");
    await page.goto("/");
    await expect(page.getByTestId("home-manager")).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");

    await page.getByTestId("language-switcher").click();
    await page.getByTestId("language-option-zh-CN").click();
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(page.getByRole("navigation").first()).toContainText("首页");

    await page.reload();
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(page.getByTestId("user-menu")).toBeVisible();

    await page.getByTestId("language-switcher").click();
    await page.getByTestId("language-option-en").click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("navigation").first()).toContainText("Home");
  });
});
