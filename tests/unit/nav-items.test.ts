import { describe, expect, it } from "vitest";
import { activeNavItem, NAV_ITEMS, visibleNavItems } from "@/components/shell/nav-items";
import { permissionsOf } from "@/lib/auth/permissions";

describe("navigation config", () => {
  it("titles the notifications page for every role without listing it in the sidebar", () => {
    for (const role of ["agent", "supervisor", "manager", "admin"] as const) {
      const item = activeNavItem(visibleNavItems(permissionsOf(role)), "/notifications");
      expect(item?.labelKey).toBe("notifications");
      expect(item?.hidden).toBe(true);
    }
  });

  it("prefers the longest matching href", () => {
    expect(activeNavItem(NAV_ITEMS, "/complaints/new")?.href).toBe("/complaints/new");
    expect(activeNavItem(NAV_ITEMS, "/complaints/CMP-2026-000001")?.href).toBe("/complaints");
    expect(activeNavItem(NAV_ITEMS, "/")?.href).toBe("/");
  });

  it("has one item per href", () => {
    const hrefs = NAV_ITEMS.map((item) => item.href);
    expect(new Set(hrefs).size).toBe(hrefs.length);
  });
});
