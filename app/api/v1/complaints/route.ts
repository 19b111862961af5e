// GET /api/v1/complaints (filtered, keyset-paginated list) and POST /api/v1/complaints (log a complaint).
import { env } from "@/lib/env";
import { createComplaint } from "@/lib/complaints/create-complaint";
import { listQueue } from "@/lib/complaints/queue";
import { requestMailFlush } from "@/lib/mail/flush";
import { authenticate } from "@/lib/api/auth";
import { readJson, queryObject, validate } from "@/lib/api/parse";
import { failure, guarded, ok } from "@/lib/api/respond";
import { complaintCreationFieldErrors, complaintListQuerySchema, createComplaintSchema } from "@/lib/api/schemas";

export const dynamic = "force-dynamic";

export const GET = guarded(async (request: Request) => {
  const auth = await authenticate(request, "complaint.read");
  if (!auth.ok) return auth.response;
  const filter = validate(complaintListQuerySchema, queryObject(request));
  if (!filter.ok) return filter.response;
  const page = await listQueue(auth.actor, filter.data);
  return ok(page.rows, { nextCursor: page.nextCursor });
});

export const POST = guarded(async (request: Request) => {
  const auth = await authenticate(request, "complaint.create");
  if (!auth.ok) return auth.response;
  const body = await readJson(request);
  if (!body.ok) return body.response;
  const input = validate(createComplaintSchema, body.data, complaintCreationFieldErrors(body.data));
  if (!input.ok) return input.response;
  const result = await createComplaint({ kind: "api", actor: auth.actor }, input.data);
  if (!result.ok) return failure(result);
  await requestMailFlush();
  const { id, reference, status } = result.complaint;
  const trackingUrl = new URL(`/track/${result.trackingToken}`, env().APP_URL).toString();
  return ok(
    { id, reference, status, trackingUrl },
    { status: 201, headers: { Location: `/api/v1/complaints/${reference}` } },
  );
});
