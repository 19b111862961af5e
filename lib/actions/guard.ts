// The one guard every server action goes through. A server action is a public POST endpoint: anyone can call it
// with any arguments React's reply decoder produces (wrong count, wrong types, ids beyond int4, lone surrogates,
// cycles). Next 16 offers no hook to answer such calls with a 4xx (docs/decisions.md, 2026-12-07), so the guard makes
// sure the action's own code never throws on them: the positional arguments are checked against a tuple schema and
// every text in them against lib/validation.ts before the action runs; a refused call is logged once and answered
// with the action's own "invalid" value (a Failure, or a form state), which the forms already show.
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { isOutOfRange } from "@/lib/db-availability";
import { fail, type Failure, type FieldErrors } from "@/lib/errors";
import { hasTextProblems, idSchema, textProblemMessage, textProblems } from "@/lib/validation";
import { logger } from "@/lib/observability/log";

/** Argument pieces for action signatures; `input` is parsed by the service's own zod schema. */
export const actionArg = {
  id: idSchema,
  idOrNew: idSchema.nullable(),
  reference: z.string().min(1).max(64),
  code: z.string().min(1).max(100),
  flag: z.boolean(),
  input: z.unknown().optional(),
  formState: z.unknown().optional(),
  formData: z.instanceof(FormData),
} as const;

type ArgsSchema = z.ZodType<unknown[]>;

/** Errors the database layer raises only for input it was handed: a number beyond its column, a wrong type. */
function isInputError(error: unknown): boolean {
  if (isOutOfRange(error)) return true;
  if (typeof error !== "object" || error === null) return false;
  const candidate = error as { name?: unknown; code?: unknown };
  // P2000: value too long for the column; P2007/P2019/P2023: data or input validation errors; 22021/22P05: bytes
  // PostgreSQL cannot store as text.
  if (candidate.name === "PrismaClientValidationError") return true;
  return (
    typeof candidate.code === "string" &&
    ["P2000", "P2007", "P2019", "P2023", "22021", "22P05"].includes(candidate.code)
  );
}

function refusal(action: string, reason: string, message: string, fields?: FieldErrors): Failure {
  // One line per refused call: enough to see probing in the logs, never the (hostile) payload itself.
  logger.warn(`[action] refused ${action}: ${reason}`, fields ? { fields: Object.keys(fields).slice(0, 10) } : {});
  return fail("invalid", message, fields ? { fields } : {});
}

/** A Failure is the answer to a refused call unless the action's callers expect another shape (`refused`). */
export function guardAction<S extends ArgsSchema, R>(
  name: string,
  args: S,
  handler: (...args: z.output<S>) => Promise<R>,
): (...args: z.output<S>) => Promise<R | Failure>;
export function guardAction<S extends ArgsSchema, R>(
  name: string,
  args: S,
  handler: (...args: z.output<S>) => Promise<R>,
  refused: (failure: Failure) => R,
): (...args: z.output<S>) => Promise<R>;
export function guardAction<S extends ArgsSchema, R>(
  name: string,
  args: S,
  handler: (...args: z.output<S>) => Promise<R>,
  refused: (failure: Failure) => R | Failure = (failure) => failure,
): (...args: z.output<S>) => Promise<R | Failure> {
  return async (...raw: z.output<S>) => {
    const received: unknown[] = raw;
    // Field paths as the forms know them ("subject", "customer.email"): each argument is checked on its own.
    const problems: FieldErrors = {};
    for (const argument of received)
      for (const [key, codes] of Object.entries(textProblems(argument))) (problems[key] ??= []).push(...codes);
    if (hasTextProblems(problems))
      return refused(refusal(name, "ill-formed text", textProblemMessage(problems), problems));
    const parsed = args.safeParse(received);
    if (!parsed.success) {
      const fields: FieldErrors = {};
      for (const issue of parsed.error.issues)
        (fields[issue.path.length ? `arg${issue.path.join(".")}` : "_"] ??= []).push(issue.code);
      return refused(refusal(name, "unexpected arguments", "The request does not match this action.", fields));
    }
    try {
      return await handler(...(parsed.data as z.output<S>));
    } catch (error) {
      unstable_rethrow(error); // redirect(), notFound(), forbidden() and Next's own signals pass through
      if (!isInputError(error)) throw error;
      return refused(refusal(name, "input the database refused", "A value in the request is out of range."));
    }
  };
}
