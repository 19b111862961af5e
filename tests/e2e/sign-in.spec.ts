import { hashSync } from "bcryptjs";
import { DEMO_LOGINS, DEMO_PASSWORD } from "../../prisma/seed/demo-logins";
import { expect, loginAs, signInWithPassword, test, withDb } from "./fixtures";

const HOME_BY_ROLE = {
  agent: "home-agent",
  supervisor: "home-supervisor",
  manager: "home-manager",
  admin: "home-admin",
  liaison: "department-inbox-page",
} as const;

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

  test("failed attempts all get the same message, never a lock, and the right password works after a short wait", async ({
    page,
  }) => {
    const email = `throttle-${Date.now()}@skyline.example`;
    await withDb((db) =>
      db.query(
        `insert into users (email, name, role, "passwordHash", "updatedAt") values ($1, 'Throttle Test', 'agent', $2, now())`,
        [email, hashSync("Right-password-1", 4)],
      ),
    );
    await page.goto("/login");
    const error = page.getByTestId("login-error");
    let first = "";
    for (let attempt = 1; attempt <= 5; attempt++) {
      await page.getByLabel(/e-mail|邮箱/i).fill(email);
      await page.getByLabel(/^(password|密码)$/i).fill(`wrong-${attempt}`);
      await page.getByRole("button", { name: /sign in|登录/i }).click();
      await expect(error).toBeVisible();
      const text = (await error.textContent()) ?? "";
      first ||= text;
      expect(text).toBe(first);
      await expect(error).not.toContainText(/lock|锁定|\d+ ?(minute|分钟)/i);
    }
    // The fifth failure makes this address wait one second before its next attempt counts.
    await page.waitForTimeout(1_500);
    await page.getByLabel(/^(password|密码)$/i).fill("Right-password-1");
    await page.getByRole("button", { name: /sign in|登录/i }).click();
    await expect(page.getByTestId("user-menu")).toBeVisible();
  });

  test("an admin sees the throttle of an account with repeated failures and clears it", async ({ page, baseURL }) => {
    const email = `throttled-${Date.now()}@skyline.example`;
    await withDb((db) =>
      db.query(
        `insert into users (email, name, role, "passwordHash", "updatedAt") values ($1, 'Throttled User', 'agent', $2, now())`,
        [email, hashSync("Right-password-1", 4)],
      ),
    );
    for (let attempt = 1; attempt <= 4; attempt++) {
      const csrf = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
      await page.request.post("/api/auth/callback/credentials", {
        form: { csrfToken: csrf.csrfToken, email, password: `wrong-${attempt}`, json: "true" },
      });
    }
    for (const locale of ["zh-CN", "en"] as const) {
      await page
        .context()
        .addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL ?? "http://localhost:3100" }]);
      await loginAs(page, "admin");
      await page.goto("/admin/users");
      const section = page.getByTestId("sign-in-throttles");
      await expect(section.getByTestId("sign-in-throttle-row").filter({ hasText: email }).first()).toBeVisible();
      await section.screenshot({ path: `test-results/sign-in-throttles-${locale}.png` });
    }
    const rows = page.getByTestId("sign-in-throttle-row").filter({ hasText: email });
    const count = await rows.count();
    await rows.first().getByRole("button", { name: /clear/i }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Clear" }).click();
    await expect(page.getByText(/Throttle cleared/)).toBeVisible();
    await expect(rows).toHaveCount(count - 1);
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
      db.query(
        `insert into users (email, name, role, "passwordHash", "updatedAt") values ($1, 'Soon Inactive', 'agent', $2, now())`,
        [email, hashSync("Right-password-1", 4)],
      ),
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
