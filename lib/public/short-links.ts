// Short links that fit an SMS: /t/<22 characters> (tracking) and /s/<22 characters> (survey). Like the long links they
// are HMAC-derived under the installation secret (128 bits: unguessable), only their SHA-256 is stored, and opening
// one only redirects to the long link's page: a GET (or a link scanner) never records an answer.
import "server-only";
import { createHmac, randomBytes } from "node:crypto";
import { db, type Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { hashToken } from "@/lib/complaints/tracking-token";
import { trackingTokenFor } from "@/lib/complaints/reference";
import { deriveSurveyToken, sameDigest, type SurveyTokenSeed } from "@/lib/surveys/token";

const SHORT_TOKEN_PATTERN = /^[A-Za-z0-9_-]{22}$/;

function shortToken(purpose: string, secret = env().NEXTAUTH_SECRET) {
  const token = createHmac("sha256", secret).update(purpose).digest().subarray(0, 16).toString("base64url");
  return { token, hash: hashToken(token) };
}

export function shortTrackingToken(reference: string, secret?: string) {
  return shortToken(`tracking-short:${reference}`, secret);
}

export function shortSurveyToken(seed: SurveyTokenSeed, secret?: string) {
  return shortToken(`survey-short:${seed.complaintId}:${seed.scheduledAt.getTime()}`, secret);
}

function base(appUrl: string) {
  return appUrl.replace(/\/+$/, "");
}

export function shortTrackingUrl(token: string, appUrl: string = env().APP_URL) {
  return `${base(appUrl)}/t/${token}`;
}

export function shortSurveyUrl(token: string, appUrl: string = env().APP_URL) {
  return `${base(appUrl)}/s/${token}`;
}

/** The complaint's short tracking link; stores its hash when the complaint predates short links. */
export async function shortTrackingLinkFor(tx: Tx, complaint: { id: number; reference: string }) {
  const { token, hash } = shortTrackingToken(complaint.reference);
  await tx.complaint.updateMany({
    where: { id: complaint.id, shortTrackingHash: null },
    data: { shortTrackingHash: hash },
  });
  return shortTrackingUrl(token);
}

/** The survey's short link; stores its hash on first use. */
export async function shortSurveyLinkFor(tx: Tx, survey: { id: number; complaintId: number; scheduledAt: Date }) {
  const { token, hash } = shortSurveyToken(survey);
  await tx.survey.updateMany({ where: { id: survey.id, shortTokenHash: null }, data: { shortTokenHash: hash } });
  return shortSurveyUrl(token);
}

/** Look-up by hash with the same work for any input and a constant-time compare (as findSurveyByToken). */
function probeHash(token: unknown) {
  const wellFormed = typeof token === "string" && SHORT_TOKEN_PATTERN.test(token);
  return { wellFormed, hash: hashToken(wellFormed ? token : randomBytes(16).toString("base64url")) };
}

/** The long tracking token behind a short one, or null. */
export async function resolveShortTracking(token: unknown): Promise<string | null> {
  const { wellFormed, hash } = probeHash(token);
  const found = await db.complaint.findUnique({
    where: { shortTrackingHash: hash },
    select: { reference: true, shortTrackingHash: true },
  });
  if (!wellFormed || !found || !sameDigest(found.shortTrackingHash ?? "0".repeat(64), hash)) return null;
  return trackingTokenFor(found.reference).token;
}

/** The long survey token behind a short one, or null. */
export async function resolveShortSurvey(token: unknown): Promise<string | null> {
  const { wellFormed, hash } = probeHash(token);
  const found = await db.survey.findUnique({
    where: { shortTokenHash: hash },
    select: { complaintId: true, scheduledAt: true, shortTokenHash: true },
  });
  if (!wellFormed || !found || !sameDigest(found.shortTokenHash ?? "0".repeat(64), hash)) return null;
  return deriveSurveyToken({ complaintId: found.complaintId, scheduledAt: found.scheduledAt }).token;
}
