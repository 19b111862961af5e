// GET /api/v1/complaints/{reference} (the full record with timeline) and PATCH (edit fields; requires `version`).
import { getComplaintWorkspace } from "@/lib/complaints/workspace";
import { updateComplaint } from "@/lib/complaints/update-complaint";
import { authenticate } from "@/lib/api/auth";
import { readJson, validate } from "@/lib/api/parse";
import { failure, guarded, ok } from "@/lib/api/respond";
import { updateComplaintSchema } from "@/lib/api/schemas";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ reference: string }> };

export const GET = guarded(async (request: Request, context: Context) => {
  const auth = await authenticate(request, "complaint.read");
  if (!auth.ok) return auth.response;
  const { reference } = await context.params;
  const complaint = await getComplaintWorkspace(auth.actor, reference);
  if (!complaint) return failure({ error: "not_found", message: "No such complaint." });
  return ok(complaint);
});

export const PATCH = guarded(async (request: Request, context: Context) => {
  const auth = await authenticate(request, "complaint.update");
  if (!auth.ok) return auth.response;
  const body = await readJson(request);
  if (!body.ok) return body.response;
  const input = validate(updateComplaintSchema, body.data);
  if (!input.ok) return input.response;
  const { reference } = await context.params;
  const result = await updateComplaint(auth.actor, reference, input.data);
  if (!result.ok) return failure(result);
  return ok({ reference, version: result.version, changed: result.changed });
});
