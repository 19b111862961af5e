// URL parameters of the customer list (strings as they appear in the query).
export type CustomerListParams = { q?: string; tier?: string; tag?: string; page?: string };

export function customerListHref(params: CustomerListParams): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const query = search.toString();
  return query ? `/customers?${query}` : "/customers";
}
