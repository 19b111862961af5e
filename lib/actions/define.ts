// The one way to build a server action: guard the raw arguments (lib/actions/guard.ts) → authenticate → permission
// → parse the input once with the use case's zod schema → call the use case with the parsed input → on ok,
// revalidate. A server action is a public POST endpoint; everything around the use case is the same for all of them,
// so it lives here once and an action file only names the use case, the permission, the schema and the pages.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actionArg, guardAction } from "@/lib/actions/guard";
import { can, type Actor, type Permission } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { fail, invalidInput, type Failure } from "@/lib/errors";

export { actionArg } from "@/lib/actions/guard";

type Pieces = readonly z.ZodType[];
type Outputs<P extends Pieces> = { -readonly [K in keyof P]: z.output<P[K]> };
type Inputs<P extends Pieces> = { -readonly [K in keyof P]: z.input<P[K]> };

/** The handler's arguments: the positional pieces, then the parsed input when the action has a schema. */
export type HandlerArgs<P extends Pieces, S> = S extends z.ZodType ? [...Outputs<P>, z.output<S>] : Outputs<P>;
/** What a caller passes: the positional pieces, then the input as the form holds it (the schema checks it). */
export type CallerArgs<P extends Pieces, S> = S extends z.ZodType ? [...Inputs<P>, input: z.input<S>] : Inputs<P>;

/** A path to refresh, or a path with Next's type ("layout" refreshes the whole subtree). */
export type RevalidateTarget = string | readonly [path: string, type: "layout" | "page"];

export type ActionOptions<P extends Pieces, S extends z.ZodType | undefined, R> = {
  /** The exported name, for the refusal log line. */
  name: string;
  /** Positional arguments before the input, e.g. `[actionArg.reference]` for `(reference, input)`. */
  args?: P;
  /** The input (the last argument), parsed once here; the use case receives `z.output<S>`. */
  schema?: S;
  /** The answer to input the schema rejected, when a form expects other field keys than the dotted paths. */
  invalid?: (error: z.ZodError) => Failure;
  /**
   * Paths to refresh once the use case answered ok: a list, or a function of the arguments and the answer when they
   * vary (the answer is `unknown` here so that it does not steer the action's inferred type; narrow it).
   */
  revalidate?:
    readonly RevalidateTarget[] | ((result: unknown, ...args: HandlerArgs<P, S>) => readonly RevalidateTarget[]);
  /** The answer to a refused call when the callers expect another shape than a Failure (form states, lists). */
  refused?: (failure: Failure) => NoInfer<R>;
};

type StaffOptions<P extends Pieces, S extends z.ZodType | undefined, R> = ActionOptions<P, S, R> & {
  /** Checked with `can` after sign-in; without it any signed-in user reaches the use case (which checks scope). */
  permission?: Permission;
};

function isFailure(value: unknown): value is Failure {
  return typeof value === "object" && value !== null && "ok" in value && value.ok === false;
}

/** A refusal before the use case ran: forbidden, or input the schema rejected. */
class Refusal {
  constructor(readonly failure: Failure) {}
}

/**
 * The pipeline around a use case. `gate` runs before the input is parsed (sign-in, permission): a caller without
 * access learns nothing about the input's shape. It answers what the handler gets first (the actor), or a Refusal.
 */
function build<P extends Pieces, S extends z.ZodType | undefined, R, G>(
  options: ActionOptions<P, S, R>,
  gate: () => Promise<G | Refusal>,
  run: (gated: G, args: HandlerArgs<P, S>) => Promise<R>,
) {
  const count = options.args?.length ?? 0;
  const pieces: z.ZodType[] = [...(options.args ?? []), ...(options.schema ? [actionArg.input] : [])];
  const tuple = z.tuple(pieces as [z.ZodType, ...z.ZodType[]]) as unknown as z.ZodType<unknown[]>;
  const refused = options.refused ?? ((failure: Failure) => failure);
  return guardAction(
    options.name,
    tuple,
    async (...raw: unknown[]): Promise<R | Failure> => {
      const gated = await gate();
      if (gated instanceof Refusal) return refused(gated.failure);
      let args = raw as HandlerArgs<P, S>;
      if (options.schema) {
        const parsed = options.schema.safeParse(raw[count]);
        if (!parsed.success) return refused((options.invalid ?? invalidInput)(parsed.error));
        args = [...raw.slice(0, count), parsed.data] as HandlerArgs<P, S>;
      }
      const result = await run(gated, args);
      if (!isFailure(result) && options.revalidate) {
        const targets =
          typeof options.revalidate === "function" ? options.revalidate(result, ...args) : options.revalidate;
        for (const target of targets) {
          if (typeof target === "string") revalidatePath(target);
          else revalidatePath(target[0], target[1]);
        }
      }
      return result;
    },
    refused,
  );
}

/**
 * A staff action: `defineAction({ name, permission, schema, revalidate }, (actor, input) => useCase(actor, input))`.
 * Signed-out callers are redirected to the sign-in page (as every staff page does); a missing permission is a
 * "forbidden" Failure; input the schema rejects is an "invalid" Failure with field errors.
 */
export function defineAction<R, const P extends Pieces = [], S extends z.ZodType | undefined = undefined>(
  options: StaffOptions<P, S, R> & { refused: (failure: Failure) => R },
  handler: (actor: Actor, ...args: HandlerArgs<P, S>) => Promise<R>,
): (...args: CallerArgs<P, S>) => Promise<R>;
export function defineAction<R, const P extends Pieces = [], S extends z.ZodType | undefined = undefined>(
  options: StaffOptions<P, S, R>,
  handler: (actor: Actor, ...args: HandlerArgs<P, S>) => Promise<R>,
): (...args: CallerArgs<P, S>) => Promise<R | Failure>;
export function defineAction<R, P extends Pieces, S extends z.ZodType | undefined>(
  options: StaffOptions<P, S, R>,
  handler: (actor: Actor, ...args: HandlerArgs<P, S>) => Promise<R>,
) {
  return build(
    options,
    async () => {
      const user = await requireUser();
      if (options.permission && !can(user, options.permission))
        return new Refusal(fail("forbidden", "You do not have permission to do this."));
      return user.actor;
    },
    (actor, args) => handler(actor, ...args),
  );
}

/** An action anyone may call (public complaint, tracking reply, survey, set-password, language): no sign-in. */
export function definePublicAction<R, const P extends Pieces = [], S extends z.ZodType | undefined = undefined>(
  options: ActionOptions<P, S, R> & { refused: (failure: Failure) => R },
  handler: (...args: HandlerArgs<P, S>) => Promise<R>,
): (...args: CallerArgs<P, S>) => Promise<R>;
export function definePublicAction<R, const P extends Pieces = [], S extends z.ZodType | undefined = undefined>(
  options: ActionOptions<P, S, R>,
  handler: (...args: HandlerArgs<P, S>) => Promise<R>,
): (...args: CallerArgs<P, S>) => Promise<R | Failure>;
export function definePublicAction<R, P extends Pieces, S extends z.ZodType | undefined>(
  options: ActionOptions<P, S, R>,
  handler: (...args: HandlerArgs<P, S>) => Promise<R>,
) {
  return build(
    options,
    async () => null,
    (_none, args) => handler(...args),
  );
}
