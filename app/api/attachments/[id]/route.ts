// Serves an attachment to signed-in staff: images inline, everything else as a download; never sniffed by the browser.
import { NextResponse } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { readAttachment } from "@/lib/attachments/service";
import { parseId } from "@/lib/validation";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ error: { code: "unauthorized", message: "Sign in first." } }, { status: 401 });
  const { id } = await params;
  const attachmentId = parseId(id);
  const attachment = attachmentId === null ? null : await readAttachment(user.actor, attachmentId);
  if (!attachment) return NextResponse.json({ error: { code: "not_found", message: "No such attachment." } }, { status: 404 });
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
