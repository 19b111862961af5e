// Serves an attachment that an investigation request shares with the signed-in liaison's department; anything else is
// 404.
import { NextResponse } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { readSharedAttachment } from "@/lib/investigations/queries";
import { parseId } from "@/lib/validation";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string; attachmentId: string }> }) {
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ error: { code: "unauthorized", message: "Sign in first." } }, { status: 401 });
  const { id, attachmentId } = await params;
  const requestId = parseId(id);
  const fileId = parseId(attachmentId);
  const attachment =
    requestId === null || fileId === null ? null : await readSharedAttachment(user.actor, requestId, fileId);
  if (!attachment)
    return NextResponse.json({ error: { code: "not_found", message: "No such attachment." } }, { status: 404 });
  const disposition = attachment.contentType.startsWith("image/") ? "inline" : "attachment";
  return new NextResponse(new Uint8Array(attachment.content), {
    headers: {
      "Content-Type": attachment.contentType,
      "Content-Length": String(attachment.size),
      "Content-Disposition": `${disposition}; filename*=UTF-8''${encodeURIComponent(attachment.fileName)}`,
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cache-Control": "private, max-age=300",
    },
  });
}
