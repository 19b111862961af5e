// Administration and privacy: an admin creates a team and invites an agent, who sets a password through the one-time
// link and signs in; the agent sees masked contact data; a supervisor reveals one value; the access log shows it.
import { expect, test, loginAs, signInWithPassword, withDb } from "./fixtures";

test.describe("administration and PII access", () => {
  test("admin creates a team and an agent; the agent sets a password and signs in", async ({
    page,
    browser,
    baseURL,
  }) => {
    const suffix = Date.now().toString(36);
    const code = `e2e-${suffix}`;
    const email = `new.agent.${suffix}@skyline.example`;
    await loginAs(page, "admin");

    await page.goto("/admin/teams");
    await page.getByRole("button", { name: /new team|新建团队/i }).click();
    const teamDialog = page.getByRole("dialog");
    await teamDialog.getByLabel(/^code$|^代码$/i).fill(code);
    await teamDialog.getByLabel(/name \(chinese\)|名称（中文）/i).fill("端到端测试组");
    await teamDialog.getByLabel(/name \(english\)|名称（英文）/i).fill(`E2E team ${suffix}`);
    await teamDialog.getByRole("button", { name: /^save$|^保存$/i }).click();
    await expect(page.getByTestId(`team-row-${code}`)).toBeVisible();

    await page.goto("/admin/users");
    await page.getByRole("button", { name: /invite user|邀请用户/i }).click();
    const userDialog = page.getByRole("dialog");
    await userDialog.getByLabel(/^name$|^姓名$/i).fill("New Agent");
    await userDialog.getByLabel(/^e-mail$|^邮箱$/i).fill(email);
    await userDialog.getByRole("checkbox", { name: new RegExp(`E2E team ${suffix}|端到端测试组`) }).check();
    await userDialog.getByRole("button", { name: /send invitation|发送邀请/i }).click();
    const link = await page.getByTestId("set-password-link").inputValue();
    expect(link).toContain("/set-password/");
    await userDialog.getByRole("button", { name: /^done$|^完成$/i }).click();
    await expect(page.getByTestId(`user-row-${email}`)).toContainText(/invited|已邀请/i);

    // The invited agent opens the link in a fresh browser context (not signed in).
    const context = await browser.newContext({ baseURL });
    const invitee = await context.newPage();
    await invitee.goto(new URL(link).pathname);
    await invitee.getByLabel(/^new password$|^新密码$/i).fill("Agent-pass-2026");
    await invitee.getByLabel(/repeat the password|再次输入密码/i).fill("Agent-pass-2026");
    await invitee.getByRole("button", { name: /set password|设置密码/i }).click();
    await expect(invitee.getByTestId("set-password-done")).toBeVisible();
    // Single use: the link no longer works.
    await invitee.goto(new URL(link).pathname);
    await expect(invitee.getByTestId("set-password-invalid")).toBeVisible();

    await signInWithPassword(invitee, email, "Agent-pass-2026");
    await invitee.goto("/");
    await expect(invitee.getByText("New Agent").first()).toBeVisible();
    await context.close();
  });

  test("agents see masked contact data; a supervisor reveals the phone and the admin finds it in the access log", async ({
    page,
    browser,
    baseURL,
  }) => {
    // A complaint of a team the demo agent and supervisor share, whose customer has a phone number.
    const reference = await withDb(async (client) => {
      const { rows } = await client.query<{ reference: string }>(`
        SELECT c.reference FROM complaints c JOIN customers cu ON cu.id = c."customerId"
         WHERE cu.phone IS NOT NULL
           AND c."teamId" IN (SELECT m."teamId" FROM team_memberships m JOIN users u ON u.id = m."userId" WHERE u.email = 'agent@skyline.example')
           AND c."teamId" IN (SELECT m."teamId" FROM team_memberships m JOIN users u ON u.id = m."userId" WHERE u.email = 'supervisor@skyline.example')
         ORDER BY c.id LIMIT 1`);
      return rows[0]?.reference ?? "";
    });
    expect(reference).toMatch(/^CMP-/);
    await loginAs(page, "agent");
    await page.goto(`/complaints/${reference}`);
    const panel = page.getByTestId("customer-panel");
    await expect(panel).toBeVisible();
    const phone = panel.getByTestId("pii-phone-value");
    await expect(phone).toContainText("*");
    await expect(panel.getByRole("button", { name: /reveal|查看/i })).toHaveCount(0);

    const context = await browser.newContext({ baseURL });
    const supervisorPage = await context.newPage();
    await loginAs(supervisorPage, "supervisor");
    await supervisorPage.goto(`/complaints/${reference}`);
    const supervisorPanel = supervisorPage.getByTestId("customer-panel");
    const masked = await supervisorPanel.getByTestId("pii-phone-value").textContent();
    expect(masked).toContain("*");
    await supervisorPanel.getByRole("button", { name: /reveal phone|查看电话/i }).click();
    await expect(supervisorPanel.getByTestId("pii-phone-value")).toHaveAttribute("data-revealed", "true");
    await expect(supervisorPanel.getByTestId("pii-phone-value")).not.toContainText("*");
    await context.close();

    const adminContext = await browser.newContext({ baseURL });
    const adminPage = await adminContext.newPage();
    await loginAs(adminPage, "admin");
    await adminPage.goto("/admin/access-log?user=supervisor");
    const table = adminPage.getByTestId("access-log-table");
    await expect(table).toContainText(`complaint:${reference}`);
    await expect(table).toContainText(/phone|电话/);
    await adminContext.close();
  });
});
