import { expect, loginAs, test, withDb } from "./fixtures";

// Reliability (issue 8): SQL-injection and XSS strings stored in a complaint are shown verbatim and stay inert in
// Chromium: no script runs, no dialog opens, on the workspace header, description and timeline.

const XSS_SUBJECT = `<script>window.__xss = "subject"</script><img src=x onerror="window.__xss='img'">'; DROP TABLE complaints; --`;
const XSS_DESCRIPTION = `"><svg onload="window.__xss='svg'"></svg> javascript:alert(1) {{constructor.constructor('window.__xss=1')()}}`;
const XSS_NOTE = `<iframe srcdoc="<script>parent.__xss='iframe'</script>"></iframe> 1' OR '1'='1`;

test("hostile text in a complaint is rendered as text, never run", async ({ page }) => {
  const reference = await withDb(async (db) => {
    const { rows } = await db.query<{ id: number; reference: string }>(
      `SELECT c.id, c.reference FROM complaints c JOIN users u ON u.id = c."assigneeId"
       WHERE u.email = 'agent@skyline.example' AND c.status = 'closed' ORDER BY c.id DESC LIMIT 1`,
    );
    const complaint = rows[0];
    if (!complaint) throw new Error("the demo agent has no closed complaint");
    await db.query(`UPDATE complaints SET subject = $2, description = $3 WHERE id = $1`, [
      complaint.id,
      XSS_SUBJECT,
      XSS_DESCRIPTION,
    ]);
    await db.query(
      `INSERT INTO complaint_events ("complaintId", kind, visibility, "actorType", body, "createdAt") VALUES ($1, 'note', 'internal', 'system', $2, now())`,
      [complaint.id, XSS_NOTE],
    );
    return complaint.reference;
  });
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await loginAs(page, "agent");

  await page.goto(`/complaints/${reference}`);
  await expect(page.getByText(XSS_SUBJECT).first()).toBeVisible();
  await expect(page.getByText(XSS_NOTE).first()).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();

  expect(dialogs).toEqual([]);
});
