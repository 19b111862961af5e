// Upload of one attachment (multipart form field "file") by signed-in staff, from the intake form or the workspace.
// Errors in the /api/v1 shape through guarded/failure; the UI reads the code in fields.file.
import { failure, guarded, ok } from "@/lib/api/respond";
import { getCurrentUser } from "@/lib/auth/session";
import { addAttachment, MAX_ATTACHMENT_BYTES } from "@/lib/attachments/service";

export const POST = guarded(async (request: Request, { params }: { params: Promise<{ reference: string }> }) => {
  const user = await getCurrentUser();
  if (!user) return failure({ error: "unauthorized", message: "Sign in first." });
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_ATTACHMENT_BYTES + 64 * 1024) {
    return failure({ error: "too_large", message: "The file is larger than 10 MB.", fields: { file: ["too_large"] } });
  }
  const form = await request.formData().catch(() => null);
  const file = form?.get("file");
  if (!(file instanceof File)) {
    return failure({
      error: "invalid",
      message: 'Send the file in a multipart field named "file".',
      fields: { file: ["required"] },
    });
  }
  const { reference } = await params;
  const result = await addAttachment(user.actor, reference, {
    name: file.name,
    bytes: new Uint8Array(await file.arrayBuffer()),
  });
  if (!result.ok) return failure(result);
  return ok(result.attachment, { status: 201 });
});
