// Inbound e-mail webhook for a mail gateway: shared-secret auth → parse → receiveInboundEmail → HTTP.
// Uses the /api/v1 response helpers so every JSON endpoint answers errors in one shape.
import { failure, guarded, ok } from "@/lib/api/respond";
import { readJson, validate } from "@/lib/api/parse";
import { env } from "@/lib/env";
import { bearerMatches } from "@/lib/inbound/auth";
import { receiveInboundEmail } from "@/lib/inbound/receive-email";
import { inboundEmailSchema, MAX_INBOUND_BODY_BYTES } from "@/lib/inbound/schema";

export const dynamic = "force-dynamic";

export const POST = guarded(async (request: Request) => {
  const secret = env().INBOUND_EMAIL_SECRET;
  if (!secret)
    return failure({
      error: "unavailable",
      message: "Inbound e-mail is not configured (INBOUND_EMAIL_SECRET is unset).",
    });
  if (!bearerMatches(request.headers.get("authorization"), secret)) {
    return failure({
      error: "unauthorized",
      message: "Missing or wrong shared secret (Authorization: Bearer <secret>).",
    });
  }

  const body = await readJson(request, { maxBytes: MAX_INBOUND_BODY_BYTES });
  if (!body.ok) return body.response;
  const mail = validate(inboundEmailSchema, body.data);
  if (!mail.ok) return mail.response;

  const result = await receiveInboundEmail(mail.data);
  if (!result.ok) {
    const retryAfter = result.details?.retryAfterSeconds;
    return failure(result, typeof retryAfter === "number" ? { "Retry-After": String(retryAfter) } : {});
  }
  return ok(
    { action: result.action, reference: result.reference },
    { status: result.action === "created" ? 201 : 200 },
  );
});
