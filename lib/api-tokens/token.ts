// API token format and hashing: `sk_<prefix8>_<secret>`; only the SHA-256 of the whole token is stored.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

const TOKEN_PATTERN = /^sk_([0-9a-f]{8})_([0-9a-f]{64})$/;

export type GeneratedToken = { token: string; prefix: string; hash: string };

/** 32 random bytes (256 bits) of secret; the 8-character prefix only helps admins recognise a token in the list. */
export function generateApiToken(): GeneratedToken {
  const prefix = randomBytes(4).toString("hex");
  const token = `sk_${prefix}_${randomBytes(32).toString("hex")}`;
  return { token, prefix, hash: hashApiToken(token) };
}

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The prefix of a well-formed token, or null: malformed tokens are rejected before touching the database. */
export function tokenPrefix(token: string): string | null {
  return TOKEN_PATTERN.exec(token)?.[1] ?? null;
}

/** Compares two hex SHA-256 digests in constant time. */
export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}
