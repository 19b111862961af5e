// GET /api/v1/customers (?q= search, keyset-paginated) and POST /api/v1/customers (register a customer).
import { authenticate } from "@/lib/api/auth";
import { createCustomerForApi } from "@/lib/api/customers-write";
import { listCustomersPage } from "@/lib/api/customers-read";
import { logApiPiiRead } from "@/lib/privacy/reveal";
import { queryObject, readJson, validate } from "@/lib/api/parse";
import { failure, guarded, ok } from "@/lib/api/respond";
import { customerListQuerySchema, newCustomerSchema } from "@/lib/api/schemas";

export const dynamic = "force-dynamic";

export const GET = guarded(async (request: Request) => {
  const auth = await authenticate(request, "customer.read");
  if (!auth.ok) return auth.response;
  const query = validate(customerListQuerySchema, queryObject(request));
  if (!query.ok) return query.response;
  const page = await listCustomersPage(auth.actor, query.data);
  await logApiPiiRead(auth.actor, page.rows, "api:GET /api/v1/customers");
  return ok(page.rows, { nextCursor: page.nextCursor });
});

export const POST = guarded(async (request: Request) => {
  // Customers come into being with complaints, so registering one takes the same permission as logging a complaint.
  const auth = await authenticate(request, "complaint.create");
  if (!auth.ok) return auth.response;
  const body = await readJson(request);
  if (!body.ok) return body.response;
  const input = validate(newCustomerSchema, body.data);
  if (!input.ok) return input.response;
  const result = await createCustomerForApi(auth.actor, input.data);
  if (!result.ok) return failure(result);
  return ok(result.customer, { status: 201, headers: { Location: `/api/v1/customers/${result.customer.id}` } });
});
