import { expect, loginAs, test, withDb } from "./fixtures";

// Cross-department investigation end to end, in Chinese (issue 18): the agent asks the baggage department, the
// department liaison answers from their inbox (seeing no contact data), the agent accepts the answer — the complaint
// records the responsible department — and the manager's dashboard counts it in the Pareto by department.
test.use({ locale: "zh-CN" });

/** An open complaint of the demo agent without any request yet. */
async function openComplaint(): Promise<{ id: number; reference: string }> {
  return withDb(async (db) => {
    const { rows } = await db.query<{ id: number; reference: string }>(
      `SELECT c.id, c.reference FROM complaints c JOIN users u ON u.id = c."assigneeId"
       WHERE u.email = 'agent@skyline.example' AND c.status IN ('acknowledged', 'in_progress')
         AND NOT EXISTS (SELECT 1 FROM investigation_requests r WHERE r."complaintId" = c.id)
       ORDER BY c.id DESC LIMIT 1`,
    );
    if (!rows[0]) throw new Error("no open complaint of the demo agent");
    return rows[0];
  });
}

test("agent asks a department, the liaison answers, the agent accepts, the dashboard shows the department", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const complaint = await openComplaint();
  const agent = await browser.newPage({ locale: "zh-CN" });
  await loginAs(agent, "agent");
  await agent.goto(`/complaints/${complaint.reference}`);
  await agent.getByTestId("request-investigation").click();
  await agent.getByTestId("request-departments").getByText("行李服务部").click();
  await agent.getByTestId("request-question-input").fill("请核实旅客行李破损的经过与责任。");
  await agent.screenshot({ path: test.info().outputPath("1-agent-request.png") });
  await agent.getByTestId("send-investigation").click();
  const panel = agent.getByTestId("investigation-panel");
  await expect(panel.getByTestId("request-status").first()).toHaveAttribute("data-status", "open");

  const liaison = await browser.newPage({ locale: "zh-CN" });
  await loginAs(liaison, "liaison");
  await liaison.goto("/department-requests");
  await liaison.getByRole("link", { name: complaint.reference }).click();
  await expect(liaison.getByTestId("request-question")).toContainText("行李破损");
  const page = await liaison.content();
  expect(page).not.toMatch(/\+86 1\d{2} \d{4} \d{4}/); // contact data is never shared
  await liaison.getByLabel("调查结果").fill("装卸过程中行李跌落，外壳破损。");
  await liaison.getByLabel("原因").fill("装卸操作不规范");
  await liaison.screenshot({ path: test.info().outputPath("2-liaison-answer.png"), fullPage: true });
  await liaison.getByRole("button", { name: "提交答复" }).click();
  await expect(liaison.getByTestId("investigation-answer")).toBeVisible();

  await agent.reload();
  await agent.getByTestId("accept-answer").click();
  await expect(panel.getByTestId("request-status").first()).toHaveAttribute("data-status", "accepted");
  await agent.screenshot({ path: test.info().outputPath("3-agent-accepted.png"), fullPage: true });
  const recorded = await withDb((db) =>
    db.query<{ responsibleParty: string; code: string }>(
      `SELECT c."responsibleParty", d.code FROM complaints c JOIN departments d ON d.id = c."responsibleDepartmentId" WHERE c.id = $1`,
      [complaint.id],
    ),
  );
  expect(recorded.rows[0]).toEqual({ responsibleParty: "department", code: "dept-baggage" });

  // Resolved now: the Pareto counts resolved complaints.
  await withDb((db) =>
    db.query(`UPDATE complaints SET status = 'resolved', "resolvedAt" = now() WHERE id = $1`, [complaint.id]),
  );
  const manager = await browser.newPage({ locale: "zh-CN" });
  await loginAs(manager, "manager");
  await manager.goto("/dashboard?preset=7d");
  const card = manager.getByTestId("accountability-card");
  await expect(card.getByTestId("department-pareto")).toContainText("行李服务部");
  await card.screenshot({ path: test.info().outputPath("4-dashboard-pareto.png") });
});
