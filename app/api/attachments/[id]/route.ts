// Serves an attachment to signed-in staff: images inline, everything else as a download; never sniffed by the browser.
// Errors in the /api/v1 shape through guarded/failure ({ error: { code, message } }).
import { NextResponse } from "next/server";
import { failure, guarded } from "@/lib/api/respond";
import { getCurrentUser } from "@/lib/auth/session";
import { readAttachment } from "@/lib/attachments/service";
import { parseId } from "@/lib/validation";

export const GET = guarded(async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const user = await getCurrentUser();
  if (!user) return failure({ error: "unauthorized", message: "Sign in first." });
  const { id } = await params;
  const attachmentId = parseId(id);
  const attachment = attachmentId === null ? null : await readAttachment(user.actor, attachmentId);
  if (!attachment) return failure({ error: "not_found", message: "No such attachment." });
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
});
