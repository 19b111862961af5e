// JSON export of everything stored about one customer (SPEC §9), for privacy officers; audited in the service.
import { NextResponse } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { HTTP_STATUS } from "@/lib/errors";
import { exportCustomerData } from "@/lib/customers/privacy";
import { parseId } from "@/lib/validation";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ error: "unauthorized", message: "Sign in first." }, { status: 401 });
  if (!can(user, "admin.privacy")) return NextResponse.json({ error: "forbidden", message: "You may not export customer data." }, { status: 403 });
  const { id } = await params;
  const customerId = parseId(id);
  if (customerId === null) return NextResponse.json({ error: "not_found", message: "Customer not found." }, { status: 404 });
  const result = await exportCustomerData(user.actor, customerId);
  if (!result.ok) return NextResponse.json({ error: result.error, message: result.message }, { status: HTTP_STATUS[result.error] });
  return new NextResponse(JSON.stringify(result.data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${result.fileName}"`,
      "Cache-Control": "no-store",
    },
  });
}
