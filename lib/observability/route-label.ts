// Metrics label for a request path: ids, references and tokens become placeholders so the label set stays small.
const STATIC = ["/_next/static", "/_next/image", "/_next/data"];

export function routeLabel(pathname: string): string {
  const path = pathname.split("?")[0] ?? "/";
  for (const prefix of STATIC) if (path.startsWith(prefix)) return prefix;
  const segments = path.split("/").filter(Boolean).slice(0, 6);
  const labelled = segments.map((segment) => {
    if (/^\d+$/.test(segment)) return ":id";
    if (/^CMP-\d{4}-\d+$/i.test(segment)) return ":reference";
    if (segment.length >= 20 || (/^[A-Za-z0-9_-]*\d[A-Za-z0-9_-]*$/.test(segment) && segment.length >= 12))
      return ":token";
    return /^[a-z0-9._-]+$/i.test(segment) ? segment.toLowerCase() : ":other";
  });
  return `/${labelled.join("/")}`;
}
