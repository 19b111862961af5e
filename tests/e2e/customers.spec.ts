import { randomBytes } from "node:crypto";
import { expect, loginAs, test, withDb } from "./fixtures";

// Customer 360: an agent finds a customer and adds a follow-up task that shows in "My tasks"; a supervisor merges two
// duplicates and their complaints move; an admin exports a customer's data as JSON.

/** A customer of one of the demo agent's open complaints (inside the agent's team scope). */
async function agentCustomer(): Promise<{ id: number; name: string }> {
  return withDb(async (db) => {
    const { rows } = await db.query<{ id: number; name: string }>(
      `SELECT cu.id, cu.name FROM complaints c JOIN users u ON u.id = c."assigneeId" JOIN customers cu ON cu.id = c."customerId"
       WHERE u.email = 'agent@skyline.example' AND cu."mergedIntoId" IS NULL AND cu."anonymizedAt" IS NULL
       ORDER BY c.id LIMIT 1`,
    );
    if (!rows[0]) throw new Error("the demo agent has no customer");
    return rows[0];
  });
}

/** Two customers with the same phone, each with one complaint in the supervisor's team. */
async function duplicatePair(): Promise<{ a: number; b: number; name: string; references: string[] }> {
  const tag = randomBytes(3).toString("hex");
  const name = `E2E 合并 ${tag}`;
  return withDb(async (db) => {
    const ids: number[] = [];
    const references: string[] = [];
    for (const [index, phone] of ["+86 135 0000 7788", "13500007788"].entries()) {
      const customer = await db.query<{ id: number }>(
        `INSERT INTO customers (name, phone, email, "updatedAt") VALUES ($1, $2, $3, now()) RETURNING id`,
        [name, phone, index === 0 ? `e2e-${tag}@example.com` : null],
      );
      const id = customer.rows[0]!.id;
      ids.push(id);
      const reference = `CMP-2026-E2E${tag}${index}`.toUpperCase();
      references.push(reference);
      await db.query(
        `INSERT INTO complaints (reference, "customerId", "channelId", "severityId", subject, description, status, "teamId", "updatedAt")
         SELECT $1, $2, c."channelId", c."severityId", $3, 'E2E merge test', 'new', c."teamId", now() FROM complaints c
         WHERE c."teamId" IN (SELECT tm."teamId" FROM team_memberships tm JOIN users u ON u.id = tm."userId" WHERE u.email = 'supervisor@skyline.example')
         ORDER BY c.id LIMIT 1`,
        [reference, id, `E2E complaint ${index}`],
      );
    }
    return { a: ids[0]!, b: ids[1]!, name, references };
  });
}

/** A customer of the demo agent's with one more complaint in a team the agent is not in (subject given). */
async function customerWithOtherTeamComplaint(subject: string): Promise<{ id: number; reference: string }> {
  const customer = await agentCustomer();
  const reference = `CMP-2026-E2EX${randomBytes(3).toString("hex")}`.toUpperCase();
  await withDb((db) =>
    db.query(
      `INSERT INTO complaints (reference, "customerId", "channelId", "severityId", subject, description, status, "teamId", "updatedAt")
       SELECT $1, $2, c."channelId", c."severityId", $3, 'E2E other team', 'in_progress', t.id, now()
       FROM complaints c, teams t
       WHERE t.id NOT IN (SELECT tm."teamId" FROM team_memberships tm JOIN users u ON u.id = tm."userId" WHERE u.email = 'agent@skyline.example')
       ORDER BY c.id, t.id LIMIT 1`,
      [reference, customer.id, subject],
    ),
  );
  return { id: customer.id, reference };
}

test.describe("customer 360 and team scope", () => {
  test("an agent sees another team's complaint of the customer as metadata only, in both languages", async ({
    page,
    baseURL,
  }) => {
    const subject = `Other team's secret subject ${randomBytes(2).toString("hex")}`;
    const { id, reference } = await customerWithOtherTeamComplaint(subject);
    await loginAs(page, "agent");
    for (const locale of ["zh-CN", "en"] as const) {
      await page
        .context()
        .addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL ?? "http://localhost:3100" }]);
      await page.goto(`/customers/${id}`);
      const row = page.getByTestId("customer-open-complaints").getByRole("row").filter({ hasText: reference });
      await expect(row.getByTestId("complaint-restricted")).toBeVisible();
      await expect(row.getByRole("link")).toHaveCount(0);
      await expect(page.getByText(subject)).toHaveCount(0);
      await page
        .getByTestId("customer-open-complaints")
        .screenshot({ path: `test-results/customer-360-restricted-${locale}.png` });
    }
  });
});

test.describe("customers (English)", () => {
  test.use({ locale: "en-US" });

  test("agent searches a customer, opens the page and adds a follow-up task that shows in My tasks", async ({
    page,
  }) => {
    const customer = await agentCustomer();
    const title = `Call back about the refund ${randomBytes(2).toString("hex")}`;
    await loginAs(page, "agent");
    await page.goto("/customers");
    await page.getByRole("searchbox", { name: "Search" }).fill(customer.name);
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await expect(page).toHaveURL(/q=/);
    await page.getByTestId("customer-table").getByRole("link", { name: customer.name, exact: true }).first().click();
    await expect(page.getByTestId("customer-name")).toHaveText(customer.name);
    await expect(page.getByRole("heading", { name: "Tier and value" })).toBeVisible();

    await page.getByRole("button", { name: "Add task" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("What to do").fill(title);
    await dialog.getByRole("button", { name: "Create task" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId("customer-task").filter({ hasText: title })).toBeVisible();

    await page.getByRole("link", { name: "My tasks" }).click();
    const row = page.getByTestId("my-tasks").getByRole("row").filter({ hasText: title });
    await expect(row).toBeVisible();
    await expect(row.getByRole("link", { name: customer.name })).toBeVisible();
    await row.getByRole("button", { name: `Done: ${title}` }).click();
    await expect(page.getByTestId("my-tasks").getByRole("row").filter({ hasText: title })).toHaveCount(0);
  });

  test("supervisor merges two duplicates and the complaints move to the survivor", async ({ page }) => {
    const pair = await duplicatePair();
    await loginAs(page, "supervisor");
    await page.goto(`/customers/${pair.a}`);
    const candidate = page
      .getByTestId("possible-duplicates")
      .getByRole("listitem")
      .filter({ hasText: `#${pair.b}` });
    await expect(candidate.getByText("Same phone")).toBeVisible();
    await candidate.getByRole("link", { name: "Compare and merge" }).click();
    await expect(page.getByTestId("merge-table")).toBeVisible();
    await page.getByRole("button", { name: "Merge…" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Merge", exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/customers/${pair.a}$`));
    const open = page.getByTestId("customer-open-complaints");
    for (const reference of pair.references) await expect(open.getByRole("link", { name: reference })).toBeVisible();
    await expect(page.getByTestId("merge-history")).toBeVisible();

    await page.goto(`/customers/${pair.b}`);
    await expect(page.getByTestId("customer-merged-banner")).toBeVisible();
  });

  test("admin exports one customer's data as JSON", async ({ page }) => {
    const customer = await agentCustomer();
    await loginAs(page, "admin");
    await page.goto("/admin/privacy");
    await page.getByRole("searchbox", { name: "Customer" }).fill(customer.name);
    await page.getByRole("button", { name: "Find" }).click();
    const row = page
      .getByTestId("privacy-results")
      .getByRole("row")
      .filter({ hasText: `#${customer.id}` });
    const download = page.waitForEvent("download");
    await row.getByRole("link", { name: "Export JSON" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(new RegExp(`^customer-${customer.id}-.*\\.json$`));
    const path = await file.path();
    const { readFile } = await import("node:fs/promises");
    const data = JSON.parse(await readFile(path, "utf8")) as {
      customer: { id: number; name: string };
      complaints: unknown[];
    };
    expect(data.customer).toMatchObject({ id: customer.id, name: customer.name });
    expect(data.complaints.length).toBeGreaterThan(0);
  });
});
