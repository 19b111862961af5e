import { expect, loginAs, test } from "./fixtures";

test.describe("role-appropriate shell", () => {
  test("an admin sees the administration pages", async ({ page }) => {
    await loginAs(page, "admin");
    await page.goto("/");
    await expect(page.getByTestId("home-admin")).toBeVisible();
    await page
      .getByRole("link", { name: /^(users|用户)/i })
      .first()
      .click();
    await expect(page).toHaveURL(/\/admin\/users/);
    await expect(page.getByRole("table")).toContainText("agent@skyline.example");
  });

  test("an agent has no administration link and gets a 403 page for it", async ({ page }) => {
    await loginAs(page, "agent");
    await page.goto("/");
    await expect(page.getByTestId("home-agent")).toBeVisible();
    await expect(page.getByRole("navigation").getByRole("link", { name: /^(users|用户)/i })).toHaveCount(0);
    const response = await page.goto("/admin/users");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("table")).toHaveCount(0);
  });

  test("the agent's home lists only the agent's own open complaints", async ({ page }) => {
    await loginAs(page, "agent");
    await page.goto("/");
    const rows = page.getByTestId("home-agent").getByRole("row");
    await expect(rows.first()).toBeVisible();
    expect(await rows.count()).toBeGreaterThan(1);
  });
});
