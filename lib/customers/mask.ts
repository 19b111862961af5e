// PII masking for users without `pii.view` (SPEC §1, §9): enough is left to recognise a customer on the phone.
import { can, type Actor } from "@/lib/auth/permissions";

const MASK = "*";

/** Keeps the first `head` and last `tail` characters, masking the rest; short values keep less so most stays hidden. */
function maskMiddle(value: string, head: number, tail: number): string {
  if (value.length <= head + tail) {
    const keep = Math.min(2, Math.floor(value.length / 3));
    return MASK.repeat(value.length - keep) + value.slice(value.length - keep);
  }
  return value.slice(0, head) + MASK.repeat(value.length - head - tail) + value.slice(value.length - tail);
}

/**
 * "+86 138 1234 5678" → "+86 138****5678": the country code (a leading "+digits" group followed by a separator) is
 * kept as written, then the digits of the national number keep their first 3 and last 4.
 */
export function maskPhone(phone: string): string {
  const trimmed = phone.trim();
  const countryCode = /^\+(\d{1,3})[\s\-().]+/.exec(trimmed);
  const national = countryCode ? trimmed.slice(countryCode[0].length) : trimmed.replace(/^\+/, "");
  const digits = national.replace(/\D/g, "");
  const masked = maskMiddle(digits, 3, 4);
  if (countryCode) return `+${countryCode[1]} ${masked}`;
  return trimmed.startsWith("+") ? `+${masked}` : masked;
}

/** "lina.wang@example.com" → "l***g@example.com": first and last character of the local part, domain kept. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at < 0) return maskMiddle(email, 1, 1);
  const local = email.slice(0, at);
  const domain = email.slice(at);
  if (local.length <= 2) return `${local.slice(0, 1)}***${domain}`;
  return `${local.slice(0, 1)}***${local.slice(-1)}${domain}`;
}

/** ID card / passport number: first 3 and last 4 kept ("110101199003071234" → "110***********1234"). */
export function maskIdNumber(idNumber: string): string {
  return maskMiddle(idNumber.trim(), 3, 4);
}

type PiiFields = { phone: string | null; email: string | null; idNumber?: string | null };

/**
 * A customer as the actor may see it. Signed-in users always get phone, e-mail and ID number masked: holders of
 * `pii.view` unmask one field at a time through lib/privacy/reveal.ts, which logs it. API tokens whose scope includes
 * `pii.view` get clear values (the route logs them with logApiPiiRead). Works on any selection that has phone and
 * e-mail (and optionally idNumber); other fields pass through.
 */
export function presentCustomer<T extends PiiFields>(customer: T, actor: Pick<Actor, "permissions" | "kind">): T {
  if (actor.kind === "api_token" && can(actor, "pii.view")) return customer;
  const idNumber = customer.idNumber;
  return {
    ...customer,
    phone: customer.phone === null ? null : maskPhone(customer.phone),
    email: customer.email === null ? null : maskEmail(customer.email),
    ...(idNumber === undefined ? {} : { idNumber: idNumber === null ? null : maskIdNumber(idNumber) }),
  };
}
