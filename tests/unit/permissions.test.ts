import { describe, expect, it } from "vitest";
import { can, PERMISSIONS, permissionsOf, ROLE_PERMISSIONS, type Permission } from "@/lib/auth/permissions";
import type { Role } from "@/lib/generated/prisma/enums";

// The expected matrix, written out by hand: a change to ROLE_PERMISSIONS must be a deliberate change here too.
const EXPECTED: Record<Permission, Role[]> = {
  "complaint.read": ["agent", "supervisor", "manager", "admin"],
  "complaint.read_all": ["manager", "admin"],
  "complaint.create": ["agent", "supervisor", "manager"],
  "complaint.update": ["agent", "supervisor", "manager"],
  "complaint.transition": ["agent", "supervisor", "manager"],
  "complaint.assign": ["supervisor", "manager"],
  "complaint.reply": ["agent", "supervisor", "manager"],
  "complaint.merge": ["supervisor", "manager"],
  "complaint.reopen": ["supervisor", "manager"],
  "complaint.bulk": ["supervisor", "manager"],
  "compensation.propose": ["agent", "supervisor", "manager"],
  "compensation.approve": ["supervisor", "manager"],
  "escalation.manage": ["supervisor", "manager"],
  "customer.read": ["agent", "supervisor", "manager", "admin"],
  "customer.update": ["agent", "supervisor", "manager"],
  "customer.merge": ["supervisor", "manager"],
  "customer.change_review": ["supervisor", "manager"],
  "pii.view": ["supervisor", "manager", "admin"],
  "survey.read": ["agent", "supervisor", "manager", "admin"],
  "survey.manage": ["manager", "admin"],
  "dashboard.view": ["manager", "admin"],
  "dashboard.team": ["supervisor", "manager"],
  "report.export": ["supervisor", "manager", "admin"],
  "improvement.manage": ["manager"],
  "incident.manage": ["supervisor", "manager"],
  "admin.users": ["admin"],
  "admin.teams": ["admin"],
  "admin.config": ["admin"],
  "admin.audit": ["admin"],
  "admin.tokens": ["admin"],
  "admin.webhooks": ["admin"],
  "admin.privacy": ["admin"],
  "admin.mail": ["admin"],
  "department.manage": ["admin"],
  "investigation.request": ["agent", "supervisor", "manager"],
  "investigation.answer": ["liaison"],
  "knowledge.read": ["agent", "supervisor", "manager", "admin"],
  "knowledge.manage": ["supervisor", "manager"],
  "knowledge.approve": ["supervisor", "manager"],
  "quality.own": ["agent", "supervisor", "manager"],
  "quality.inspect": ["supervisor", "manager"],
  "quality.manage": ["manager"],
};

const ROLES: Role[] = ["agent", "supervisor", "manager", "admin", "liaison"];

describe("role permissions", () => {
  it("lists an expectation for every permission", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...PERMISSIONS].sort());
  });

  for (const permission of PERMISSIONS) {
    for (const role of ROLES) {
      const allowed = EXPECTED[permission].includes(role);
      it(`${role} ${allowed ? "may" : "may not"} ${permission}`, () => {
        expect(can({ permissions: permissionsOf(role) }, permission)).toBe(allowed);
      });
    }
  }

  it("grants no permission twice to one role", () => {
    for (const role of ROLES) {
      const list = ROLE_PERMISSIONS[role];
      expect(new Set(list).size).toBe(list.length);
    }
  });
});
