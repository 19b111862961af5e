import { randomBytes } from "node:crypto";
import { expect, loginAs, test, withDb } from "./fixtures";

// Issue 14 items 6 and 7, over HTTP against `next start` (proxy.ts included):
// - a 403 or 404 page is sent with status 403/404, also on routes with loading.tsx (they answered 200 once the
//   skeleton had streamed);
// - the inbound e-mail webhook takes a valid 12.6 MB message (the proxy used to cut bodies at 10 MB → "Body is not
//   valid JSON", 400, mail lost) and refuses one over 45 MB with 413 and a clear message.

test("refusals and missing pages keep their status on routes with a loading skeleton", async ({ page }) => {
  await loginAs(page, "agent");
  const otherTeamsCustomer = await withDb(async (db) => {
    // A customer whose complaints all belong to teams the demo agent is not in: out of the agent's scope.
    const { rows } = await db.query<{ id: number }>(
      `SELECT c.id FROM customers c
       WHERE EXISTS (SELECT 1 FROM complaints k WHERE k."customerId" = c.id)
         AND NOT EXISTS (SELECT 1 FROM complaints k JOIN team_memberships m ON m."teamId" = k."teamId" JOIN users u ON u.id = m."userId"
                         WHERE k."customerId" = c.id AND u.email = 'agent@skyline.example')
         AND NOT EXISTS (SELECT 1 FROM complaints k JOIN users u ON u.id = k."assigneeId" WHERE k."customerId" = c.id AND u.email = 'agent@skyline.example')
       ORDER BY c.id LIMIT 1`,
    );
    if (!rows[0]) throw new Error("the demo data has no customer outside the agent's teams");
    return rows[0].id;
  });
  const expected: [string, number][] = [
    ["/dashboard/team", 403],
    ["/dashboard/report", 403],
    ["/customers/duplicates", 403],
    ["/customers/merge", 403],
    [`/customers/${otherTeamsCustomer}`, 404],
    ["/customers/999999999", 404],
    ["/customers/2147483648", 404],
    ["/customers/not-a-number", 404],
    ["/complaints/2147483648", 404],
    ["/complaints/CMP-1999-999999", 404],
    ["/api/attachments/2147483648", 404],
  ];
  for (const [path, status] of expected) {
    const response = await page.request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(status);
  }
  // Without dashboard.view the overview redirects for real (307), not with a 200 page that redirects itself.
  const overview = await page.request.get("/dashboard", { maxRedirects: 0 });
  expect(overview.status()).toBe(307);
  expect(overview.headers().location).toContain("/dashboard/me");
  // The page a person sees is still the error page, in the app shell.
  await page.goto(`/customers/${otherTeamsCustomer}`);
  await expect(page.getByTestId("not-found")).toBeVisible();
});

test("administrators get 404 for ids beyond int4 on admin pages", async ({ page }) => {
  await loginAs(page, "admin");
  for (const path of [
    "/admin/sla/2147483648",
    "/admin/calendars/2147483648",
    "/admin/webhooks/2147483648",
    "/admin/mail/2147483648",
    "/api/admin/privacy/customers/2147483648/export",
  ]) {
    const response = await page.request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(404);
  }
  await loginAs(page, "manager");
  expect((await page.request.get("/improvements/2147483648", { maxRedirects: 0 })).status()).toBe(404);
});

test("inbound e-mail: a 12.6 MB message is filed, one over 45 MB gets 413", async ({ request }) => {
  const secret = process.env.INBOUND_EMAIL_SECRET;
  expect(secret, "scripts/test.ts sets INBOUND_EMAIL_SECRET for e2e").toBeTruthy();
  const headers = { authorization: `Bearer ${secret}`, "content-type": "application/json" };
  // A 9.4 MB PDF (under the 10 MB attachment limit): 12.6 MB of JSON once base64-encoded.
  const pdf = Buffer.concat([Buffer.from("%PDF-1.7\n"), randomBytes(9_400_000)]);
  const messageId = `<large-${Date.now()}@mail.example.com>`;
  const large = JSON.stringify({
    from: "Large Sender <large.sender@example.com>",
    subject: "Scanned receipts for my delayed baggage claim",
    text: "Please find the scanned receipts attached. My bag arrived three days late.",
    messageId,
    attachments: [
      {
        filename: "receipts.pdf",
        contentType: "application/pdf",
        size: pdf.byteLength,
        contentBase64: pdf.toString("base64"),
      },
    ],
  });
  expect(large.length).toBeGreaterThan(12_500_000);
  const accepted = await request.post("/api/inbound/email", { headers, data: large, timeout: 120_000 });
  expect(accepted.status(), await accepted.text()).toBe(201);
  const { data } = (await accepted.json()) as { data: { reference: string } };
  const stored = await withDb(
    async (db) =>
      (
        await db.query<{ size: number }>(
          `SELECT a.size FROM attachments a JOIN complaints c ON c.id = a."complaintId" WHERE c.reference = $1`,
          [data.reference],
        )
      ).rows,
  );
  expect(stored).toEqual([{ size: pdf.byteLength }]);

  const huge = JSON.stringify({ from: "huge@example.com", subject: "Too big", text: "x".repeat(46 * 1024 * 1024) });
  const refused = await request.post("/api/inbound/email", { headers, data: huge, timeout: 120_000 });
  expect(refused.status()).toBe(413);
  const body = (await refused.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe("too_large");
  expect(body.error.message).toContain("45 MB");
});

test("server-action calls from another site or over 1 MB are refused with 403 / 413, not 500", async ({ request }) => {
  const action = { "next-action": "7f".repeat(21), "content-type": "text/plain;charset=UTF-8" };
  const foreign = await request.post("/complaint", {
    headers: { ...action, origin: "https://evil.example" },
    data: "[]",
    maxRedirects: 0,
  });
  expect(foreign.status()).toBe(403);
  const oversized = await request.post("/complaint", { headers: action, data: "x".repeat(1_100_000), maxRedirects: 0 });
  expect(oversized.status()).toBe(413);
});
