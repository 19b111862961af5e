// Field-level messages from a zod error, keyed by dotted path (e.g. "customer.email"), for forms and the API.
import type { z } from "zod";
import type { FieldErrors } from "@/lib/errors";

export function fieldErrors(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_";
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}
