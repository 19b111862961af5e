// Customer creation for the REST API: lib/customers' createCustomer runs inside a caller's transaction (intake);
// the API creates a customer on its own, so it gets its own transaction here.
import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { presentCustomer } from "@/lib/customers/mask";
import { createCustomer } from "@/lib/customers/service";
import type { NewCustomerInput } from "@/lib/customers/schema";

export async function createCustomerForApi(actor: Actor, input: NewCustomerInput) {
  const result = await db.$transaction((tx) => createCustomer(tx, actor, input));
  return result.ok ? { ...result, customer: presentCustomer(result.customer, actor) } : result;
}
