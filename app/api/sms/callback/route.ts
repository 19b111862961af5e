// Callback of an HTTPS SMS gateway: shared-secret auth (SMS_CALLBACK_SECRET) → parse → apply receipts and replies.
import { failure, guarded, ok } from "@/lib/api/respond";
import { readJson, validate } from "@/lib/api/parse";
import { env } from "@/lib/env";
import { bearerMatches } from "@/lib/inbound/auth";
import { applySmsCallback, smsCallbackSchema } from "@/lib/sms/callback";

export const dynamic = "force-dynamic";

const MAX_BODY_BYTES = 256 * 1024;

export const POST = guarded(async (request: Request) => {
  const secret = env().SMS_CALLBACK_SECRET;
  if (!secret || !bearerMatches(request.headers.get("authorization"), secret)) {
    return failure({
      error: "unauthorized",
      message: secret
        ? "Missing or wrong shared secret (Authorization: Bearer <secret>)."
        : "The SMS callback is not configured (SMS_CALLBACK_SECRET is unset).",
    });
  }
  const body = await readJson(request, { maxBytes: MAX_BODY_BYTES });
  if (!body.ok) return body.response;
  const input = validate(smsCallbackSchema, body.data);
  if (!input.ok) return input.response;
  return ok(await applySmsCallback(input.data));
});
