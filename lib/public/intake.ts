// Use case wrapper for the public complaint form: spam checks (honeypot, per-IP rate limit), the web channel and
// default severity filled in, then the shared createComplaint use case.
import { randomBytes, randomInt } from "node:crypto";
import { z } from "zod";
import { createComplaint } from "@/lib/complaints/create-complaint";
import { createComplaintSchema } from "@/lib/complaints/schema";
import { fieldErrors } from "@/lib/complaints/validation";
import { fail, type FieldErrors, type Result } from "@/lib/errors";
import type { AppLocale } from "@/lib/i18n/locales";
import { requestMailFlush } from "@/lib/mail/flush";
import { rateLimitSubject } from "@/lib/security/client-ip";
import { hitRateLimit } from "@/lib/security/rate-limit";
import { channelIdOfKind, leastSevereSeverityId } from "@/lib/public/reference-data";
import { HONEYPOT_FIELD, isHoneypotFilled } from "@/lib/public/spam";

/** Submissions allowed per client address per window (SPEC: rate limit per IP on the public form). */
export const PUBLIC_COMPLAINT_LIMIT = 5;
export const PUBLIC_COMPLAINT_WINDOW_SECONDS = 3600;

// NUL characters cannot be stored in PostgreSQL text and mean nothing in a form: dropped (found by the hostile-input
// tests).
// Lone UTF-16 surrogates cannot be stored either (Prisma refused them with a 500): refused with a field error.
const text = z
  .string()
  .max(20_000)
  .refine((value) => value.isWellFormed(), "ill_formed_unicode")
  .transform((value) => value.replace(/\u0000/g, ""))
  .optional();

/** What the form posts: plain strings (FormData), every field optional here; the domain schema does the real checks. */
export const publicComplaintFormSchema = z.object({
  name: text,
  email: text,
  phone: text,
  locale: text,
  membershipNumber: text,
  type: text,
  categoryId: text,
  bookingReference: text,
  flightNumber: text,
  serviceDate: text,
  subject: text,
  description: text,
  [HONEYPOT_FIELD]: text,
});

export type PublicComplaintForm = z.infer<typeof publicComplaintFormSchema>;

export type PublicSubmission = { reference: string; trackingToken: string; acknowledgementSent: boolean };

export type PublicIntakeContext = { ip: string; locale: AppLocale; now?: Date };

const blankToUndefined = (value: string | undefined) => (value && value.trim() ? value.trim() : undefined);

/** Form fields → the createComplaint input (the customer's contact details nest under `customer`). */
function toComplaintInput(form: PublicComplaintForm, ctx: PublicIntakeContext, channelId: number, severityId: number) {
  return {
    customer: {
      name: form.name ?? "",
      email: blankToUndefined(form.email),
      phone: blankToUndefined(form.phone),
      membershipNumber: blankToUndefined(form.membershipNumber),
      locale: blankToUndefined(form.locale) ?? ctx.locale,
    },
    channelId,
    severityId,
    type: blankToUndefined(form.type) ?? "complaint",
    categoryId: blankToUndefined(form.categoryId),
    bookingReference: blankToUndefined(form.bookingReference),
    flightNumber: blankToUndefined(form.flightNumber),
    serviceDate: blankToUndefined(form.serviceDate),
    subject: form.subject ?? "",
    description: form.description ?? "",
  };
}

/** The form's field names are flat: "customer.email" → "email". Ids the customer did not choose stay general. */
function toFormFields(fields: FieldErrors | undefined): FieldErrors {
  const mapped: FieldErrors = {};
  for (const [key, messages] of Object.entries(fields ?? {})) {
    const name = key.startsWith("customer.") ? key.slice("customer.".length) : key;
    const target = name === "channelId" || name === "severityId" ? "_" : name;
    (mapped[target] ??= []).push(...messages);
  }
  return mapped;
}

/** A believable answer for a bot that filled the honeypot: nothing is stored and the link leads nowhere. */
function decoy(now: Date, form: PublicComplaintForm): PublicSubmission {
  const year = now.getUTCFullYear();
  return {
    reference: `CMP-${year}-${String(randomInt(1, 999_999)).padStart(6, "0")}`,
    trackingToken: randomBytes(32).toString("base64url"),
    acknowledgementSent: Boolean(blankToUndefined(form.email)),
  };
}

export async function submitPublicComplaint(ctx: PublicIntakeContext, raw: unknown): Promise<Result<PublicSubmission>> {
  const now = ctx.now ?? new Date();
  const form = publicComplaintFormSchema.safeParse(raw);
  if (!form.success) return fail("invalid", "The form could not be read.", { fields: fieldErrors(form.error) });
  if (isHoneypotFilled(form.data[HONEYPOT_FIELD])) return { ok: true, ...decoy(now, form.data) };

  const [channelId, severityId] = await Promise.all([channelIdOfKind("web"), leastSevereSeverityId()]);
  if (!channelId || !severityId)
    return fail("unavailable", "The web channel or the severity grades are not configured.");

  const input = toComplaintInput(form.data, ctx, channelId, severityId);
  // Validate before counting, so a customer correcting a typo does not use up their submissions.
  const checked = createComplaintSchema.safeParse(input);
  if (!checked.success)
    return fail("invalid", "Some fields are missing or invalid.", { fields: toFormFields(fieldErrors(checked.error)) });

  const verdict = await hitRateLimit(
    `public-complaint:ip:${rateLimitSubject(ctx.ip)}`,
    PUBLIC_COMPLAINT_LIMIT,
    PUBLIC_COMPLAINT_WINDOW_SECONDS,
    now,
  );
  if (!verdict.allowed) {
    return fail("rate_limited", "Too many submissions from this address.", {
      details: { retryAfterSeconds: verdict.retryAfterSeconds },
    });
  }

  const created = await createComplaint({ kind: "public", ip: ctx.ip }, input, now);
  if (!created.ok) return { ...created, fields: toFormFields(created.fields) };
  await requestMailFlush();
  return {
    ok: true,
    reference: created.complaint.reference,
    trackingToken: created.trackingToken,
    acknowledgementSent: Boolean(
      checked.data.customer && "email" in checked.data.customer && checked.data.customer.email,
    ),
  };
}
