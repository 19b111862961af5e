// Upload of one attachment (multipart form field "file") by signed-in staff, from the intake form or the workspace.
import { NextResponse } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { addAttachment, MAX_ATTACHMENT_BYTES } from "@/lib/attachments/service";
import { HTTP_STATUS } from "@/lib/errors";

export async function POST(request: Request, { params }: { params: Promise<{ reference: string }> }) {
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ error: { code: "unauthorized", message: "Sign in first." } }, { status: 401 });
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_ATTACHMENT_BYTES + 64 * 1024) {
    return NextResponse.json({ error: { code: "invalid", message: "The file is larger than 10 MB.", fields: { file: ["too_large"] } } }, { status: 413 });
  }
  const form = await request.formData().catch(() => null);
  const file = form?.get("file");
  if (!(file instanceof File)) {
    return NextResponse.json({ error: { code: "invalid", message: "Send the file in a multipart field named \"file\".", fields: { file: ["required"] } } }, { status: 400 });
  }
  const { reference } = await params;
  const result = await addAttachment(user.actor, reference, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
  if (!result.ok) {
    return NextResponse.json({ error: { code: result.error, message: result.message, fields: result.fields } }, { status: HTTP_STATUS[result.error] });
  }
  return NextResponse.json({ data: result.attachment }, { status: 201 });
}
