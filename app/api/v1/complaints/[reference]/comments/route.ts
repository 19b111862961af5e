// POST /api/v1/complaints/{reference}/comments: an internal note or a reply e-mailed to the customer.
import { addStaffMessage } from "@/lib/complaints/add-message";
import { requestMailFlush } from "@/lib/mail/flush";
import { authenticate } from "@/lib/api/auth";
import { readJson, validate } from "@/lib/api/parse";
import { failure, guarded, ok } from "@/lib/api/respond";
import { commentSchema } from "@/lib/api/schemas";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ reference: string }> };

export const POST = guarded(async (request: Request, context: Context) => {
  // Notes need complaint.update and replies complaint.reply: the service checks the one the kind needs.
  const auth = await authenticate(request, ["complaint.update", "complaint.reply"]);
  if (!auth.ok) return auth.response;
  const body = await readJson(request);
  if (!body.ok) return body.response;
  const input = validate(commentSchema, body.data);
  if (!input.ok) return input.response;
  const { reference } = await context.params;
  const result = await addStaffMessage(auth.actor, reference, input.data);
  if (!result.ok) return failure(result);
  if (input.data.kind === "reply") await requestMailFlush();
  return ok({ id: result.eventId, kind: input.data.kind, version: result.version }, { status: 201 });
});
