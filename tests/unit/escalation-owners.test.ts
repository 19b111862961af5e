// Routing of escalations to named departments (issue 18 item 5), without the database.
import { describe, expect, it } from "vitest";
import { departmentOwner, routeEscalation } from "@/lib/escalations/owners";

const departments = new Map([
  [10, { id: 10, escalationLevel: 3, sortOrder: 5, ownerId: 100 }], // CRM, default L3
  [11, { id: 11, escalationLevel: null, sortOrder: 1, ownerId: 110 }], // legal
  [12, { id: 12, escalationLevel: 4, sortOrder: 2, ownerId: null }], // executive office without an owner
  [13, { id: 13, escalationLevel: null, sortOrder: 3, ownerId: 130 }], // operations
]);
const noTeamChoice = { supervisorId: 7, l3DepartmentId: null, l4DepartmentId: null };

describe("routeEscalation", () => {
  it("L1 has no owner; L2 is the team supervisor, else the L3 department's owner", () => {
    expect(routeEscalation(1, noTeamChoice, departments, null)).toEqual({ ownerId: null, departmentId: null });
    expect(routeEscalation(2, noTeamChoice, departments, null)).toEqual({ ownerId: 7, departmentId: null });
    expect(routeEscalation(2, { ...noTeamChoice, supervisorId: null }, departments, null)).toEqual({
      ownerId: 100,
      departmentId: 10,
    });
  });

  it("L3: the team's department wins over the default one", () => {
    expect(routeEscalation(3, noTeamChoice, departments, null)).toEqual({ ownerId: 100, departmentId: 10 });
    expect(routeEscalation(3, { ...noTeamChoice, l3DepartmentId: 13 }, departments, null)).toEqual({
      ownerId: 130,
      departmentId: 13,
    });
    // a team department that is inactive (not loaded) falls back to the default
    expect(routeEscalation(3, { ...noTeamChoice, l3DepartmentId: 99 }, departments, null)).toEqual({
      ownerId: 100,
      departmentId: 10,
    });
  });

  it("L4: the department's owner, else the executive, else the L3 owner — still naming the L4 department", () => {
    expect(routeEscalation(4, { ...noTeamChoice, l4DepartmentId: 11 }, departments, 55)).toEqual({
      ownerId: 110,
      departmentId: 11,
    });
    expect(routeEscalation(4, noTeamChoice, departments, 55)).toEqual({ ownerId: 55, departmentId: 12 });
    expect(routeEscalation(4, noTeamChoice, departments, null)).toEqual({ ownerId: 100, departmentId: 12 });
    expect(routeEscalation(4, noTeamChoice, new Map(), null)).toEqual({ ownerId: null, departmentId: null });
  });

  it("a department chosen by the agent takes the escalation at any level", () => {
    expect(routeEscalation(2, noTeamChoice, departments, null, 11)).toEqual({ ownerId: 110, departmentId: 11 });
    expect(routeEscalation(3, noTeamChoice, departments, null, 12)).toEqual({ ownerId: 100, departmentId: 12 });
  });
});

describe("departmentOwner", () => {
  const person = (id: number, role: "liaison" | "manager" | "agent", active = true) => ({ id, role, active });
  it("is the escalation owner, else the head, only when active staff who may own escalations", () => {
    expect(departmentOwner({ escalationOwner: person(1, "manager"), head: person(2, "manager") })).toBe(1);
    expect(departmentOwner({ escalationOwner: person(1, "manager", false), head: person(2, "manager") })).toBe(2);
    expect(departmentOwner({ escalationOwner: null, head: person(2, "liaison") })).toBeNull();
    expect(departmentOwner({ escalationOwner: person(3, "agent"), head: null })).toBeNull();
  });
});
