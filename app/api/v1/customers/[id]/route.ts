// GET /api/v1/customers/{id} (profile, recent complaints, last CSAT) and PATCH (edit; requires `version`).
import { getCustomerPanel } from "@/lib/customers/queries";
import { updateCustomer } from "@/lib/customers/service";
import { presentCustomer } from "@/lib/customers/mask";
import { logApiPiiRead } from "@/lib/privacy/reveal";
import { authenticate } from "@/lib/api/auth";
import { pathId, readJson, validate } from "@/lib/api/parse";
import { failure, guarded, ok } from "@/lib/api/respond";
import { updateCustomerSchema } from "@/lib/api/schemas";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

const notFound = () => failure({ error: "not_found", message: "No such customer." });

export const GET = guarded(async (request: Request, context: Context) => {
  const auth = await authenticate(request, "customer.read");
  if (!auth.ok) return auth.response;
  const id = pathId((await context.params).id);
  if (id === null) return notFound();
  const customer = await getCustomerPanel(auth.actor, id);
  if (!customer) return notFound();
  await logApiPiiRead(auth.actor, [customer], `api:GET /api/v1/customers/${id}`);
  return ok(customer);
});

export const PATCH = guarded(async (request: Request, context: Context) => {
  const auth = await authenticate(request, "customer.update");
  if (!auth.ok) return auth.response;
  const id = pathId((await context.params).id);
  if (id === null) return notFound();
  const body = await readJson(request);
  if (!body.ok) return body.response;
  const input = validate(updateCustomerSchema, body.data);
  if (!input.ok) return input.response;
  const result = await updateCustomer(auth.actor, id, input.data);
  if (!result.ok) return failure(result);
  const customer = presentCustomer(result.customer, auth.actor);
  await logApiPiiRead(auth.actor, [customer], `api:PATCH /api/v1/customers/${id}`);
  return ok(customer);
});
