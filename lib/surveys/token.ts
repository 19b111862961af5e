// Survey tokens: 256-bit, base64url, only their SHA-256 stored (surveys.tokenHash).
// The token is derived (HMAC under the installation's secret) from the survey's complaint and scheduled time rather
// than drawn at random, because the reminder e-mail and the agent's "copy link" need the same link again later and
// only the hash is stored; without the secret it is as unguessable as a random token (same scheme as tracking links).
import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { db, type Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { hashToken } from "@/lib/complaints/tracking-token";

/** 32 bytes in base64url without padding. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export type SurveyTokenSeed = { complaintId: number; scheduledAt: Date };

export function deriveSurveyToken(seed: SurveyTokenSeed, secret: string = env().NEXTAUTH_SECRET) {
  const token = createHmac("sha256", secret)
    .update(`survey:${seed.complaintId}:${seed.scheduledAt.getTime()}`)
    .digest("base64url");
  return { token, hash: hashToken(token) };
}

export function surveyUrl(token: string, appUrl: string = env().APP_URL): string {
  return `${appUrl.replace(/\/+$/, "")}/survey/${encodeURIComponent(token)}`;
}

export function isWellFormedSurveyToken(token: unknown): token is string {
  return typeof token === "string" && TOKEN_PATTERN.test(token);
}

const surveyByTokenSelect = {
  id: true,
  tokenHash: true,
  complaintId: true,
  customerId: true,
  locale: true,
  status: true,
  sentAt: true,
  openedAt: true,
  answeredAt: true,
  expiresAt: true,
  complaint: {
    select: {
      reference: true,
      status: true,
      assigneeId: true,
      teamId: true,
      categoryId: true,
      channelId: true,
      customerId: true,
    },
  },
} as const;

/** Constant-time equality of two hex digests (different lengths are simply unequal). */
export function sameDigest(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}

/**
 * The survey for a token, or null. The same work happens for any input (a malformed token is replaced by a random
 * one and still looked up), the look-up is by hash (an index probe on a digest says nothing about how close a guess
 * was), and the stored digest is compared again in constant time, so response time leaks nothing about the token.
 */
export async function findSurveyByToken(token: unknown, client: Tx | typeof db = db) {
  const wellFormed = isWellFormedSurveyToken(token);
  const hash = hashToken(wellFormed ? token : randomBytes(32).toString("base64url"));
  const found = await client.survey.findUnique({ where: { tokenHash: hash }, select: surveyByTokenSelect });
  const matches = sameDigest(found?.tokenHash ?? "0".repeat(64), hash);
  if (!wellFormed || !found || !matches) return null;
  const { tokenHash: _secret, ...survey } = found;
  return survey;
}

export type SurveyByToken = NonNullable<Awaited<ReturnType<typeof findSurveyByToken>>>;
