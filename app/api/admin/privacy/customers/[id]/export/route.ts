// JSON export of everything stored about one customer (SPEC §9), for privacy officers; audited in the service.
// Errors in the /api/v1 shape through guarded/failure ({ error: { code, message } }).
import { NextResponse } from "next/server";
import { failure, guarded } from "@/lib/api/respond";
import { getCurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { exportCustomerData } from "@/lib/customers/privacy";
import { parseId } from "@/lib/validation";

export const dynamic = "force-dynamic";

export const GET = guarded(async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const user = await getCurrentUser();
  if (!user) return failure({ error: "unauthorized", message: "Sign in first." });
  if (!can(user, "admin.privacy")) return failure({ error: "forbidden", message: "You may not export customer data." });
  const { id } = await params;
  const customerId = parseId(id);
  if (customerId === null) return failure({ error: "not_found", message: "Customer not found." });
  const result = await exportCustomerData(user.actor, customerId);
  if (!result.ok) return failure(result);
  return new NextResponse(JSON.stringify(result.data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${result.fileName}"`,
      "Cache-Control": "no-store",
    },
  });
});
