import { hashSync } from "bcryptjs";
import { DEMO_LOGINS, DEMO_PASSWORD } from "../../prisma/seed/demo-logins";
import { expect, loginAs, signInWithPassword, test, withDb } from "./fixtures";

const HOME_BY_ROLE = { agent: "home-agent", supervisor: "home-supervisor", manager: "home-manager", admin: "home-admin" } as const;

test.describe("signing in", () => {
  for (const login of DEMO_LOGINS) {
    test(`${login.role} signs in through the form and lands on the ${login.role} home`, async ({ page }) => {
      await page.goto("/");
      await expect(page).toHaveURL(/\/login/);
      await page.getByLabel(/e-mail|邮箱/i).fill(login.email);
      await page.getByLabel(/^(password|密码)$/i).fill(DEMO_PASSWORD);
      await page.getByLabel(/^(password|密码)$/i).press("Enter");
      await expect(page.getByTestId(HOME_BY_ROLE[login.role])).toBeVisible();
      await expect(page.getByTestId("user-menu")).toBeVisible();
    });
  }

  test("a wrong password gets a clear message and no session", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel(/e-mail|邮箱/i).fill(DEMO_LOGINS[0].email);
    await page.getByLabel(/^(password|密码)$/i).fill("not-the-password");
    await page.getByRole("button", { name: /sign in|登录/i }).click();
    await expect(page.getByTestId("login-error")).toBeVisible();
    await page.goto("/");
    await expect(page).toHaveURL(/\/login/);
  });

  test("five failed attempts lock the account with a message saying for how long", async ({ page }) => {
    const email = `lockout-${Date.now()}@skyline.example`;
    await withDb((db) =>
      db.query(`insert into users (email, name, role, "passwordHash", "updatedAt") values ($1, 'Lockout Test', 'agent', $2, now())`, [email, hashSync("Right-password-1", 4)]),
    );
    await page.goto("/login");
    const error = page.getByTestId("login-error");
    for (let attempt = 1; attempt <= 5; attempt++) {
      await page.getByLabel(/e-mail|邮箱/i).fill(email);
      await page.getByLabel(/^(password|密码)$/i).fill(`wrong-${attempt}`);
      await page.getByRole("button", { name: /sign in|登录/i }).click();
      await expect(error).toBeVisible();
      if (attempt < 5) await expect(error).not.toContainText(/15/);
    }
    await expect(error).toContainText("15");
    // The right password is refused while the lock lasts.
    await page.getByLabel(/^(password|密码)$/i).fill("Right-password-1");
    await page.getByRole("button", { name: /sign in|登录/i }).click();
    await expect(error).toContainText(/1[45]/);
  });

  test("signing out ends the session", async ({ page }) => {
    await loginAs(page, "agent");
    await page.goto("/");
    await page.getByTestId("user-menu").click();
    await page.getByTestId("sign-out").click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/");
    await expect(page).toHaveURL(/\/login/);
  });

  test("a deactivated user's session stops working on the next request", async ({ page }) => {
    const email = `deactivate-${Date.now()}@skyline.example`;
    await withDb((db) =>
      db.query(`insert into users (email, name, role, "passwordHash", "updatedAt") values ($1, 'Soon Inactive', 'agent', $2, now())`, [email, hashSync("Right-password-1", 4)]),
    );
    await signInWithPassword(page, email, "Right-password-1");
    await page.goto("/");
    await expect(page.getByTestId("home-agent")).toBeVisible();
    await withDb((db) => db.query(`update users set active = false where email = $1`, [email]));
    await page.reload();
    await expect(page).toHaveURL(/\/login\?reason=inactive/);
    await expect(page.getByRole("status").or(page.getByRole("alert")).first()).toBeVisible();
  });
});
