// POST /api/v1/complaints/{reference}/transitions: move the complaint to another status (SPEC §3 rules).
import { transitionComplaint } from "@/lib/complaints/transition-complaint";
import { authenticate } from "@/lib/api/auth";
import { readJson, validate } from "@/lib/api/parse";
import { failure, guarded, ok } from "@/lib/api/respond";
import { transitionSchema } from "@/lib/api/schemas";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ reference: string }> };

export const POST = guarded(async (request: Request, context: Context) => {
  const auth = await authenticate(request, "complaint.transition");
  if (!auth.ok) return auth.response;
  const body = await readJson(request);
  if (!body.ok) return body.response;
  const input = validate(transitionSchema, body.data);
  if (!input.ok) return input.response;
  const { reference } = await context.params;
  const result = await transitionComplaint(auth.actor, reference, input.data);
  if (!result.ok) return failure(result);
  return ok(result.complaint);
});
