// Flattens the JSON Schemas of the OpenAPI document into rows for the readable API reference page.
type JsonSchema = { [key: string]: unknown };

export type SchemaRow = {
  path: string;
  type: string;
  required: boolean;
  constraints: string[];
  description: string | null;
};

const isSchema = (value: unknown): value is JsonSchema =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const list = (value: unknown): JsonSchema[] => (Array.isArray(value) ? value.filter(isSchema) : []);

/** "string", "integer | null", "array of string", "\"a\" | \"b\"". */
export function typeLabel(schema: JsonSchema): string {
  if (Array.isArray(schema.enum)) return schema.enum.map((value) => JSON.stringify(value)).join(" | ");
  const variants = list(schema.anyOf ?? schema.oneOf);
  if (variants.length) return variants.map(typeLabel).join(" | ");
  if (schema.type === "array") return `array of ${isSchema(schema.items) ? typeLabel(schema.items) : "any"}`;
  const base = typeof schema.type === "string" ? schema.type : "any";
  return typeof schema.format === "string" ? `${base} (${schema.format})` : base;
}

function constraintsOf(schema: JsonSchema): string[] {
  const notes: string[] = [];
  const number = (key: string) => (typeof schema[key] === "number" ? (schema[key] as number) : null);
  const minLength = number("minLength");
  const maxLength = number("maxLength");
  if (minLength !== null || maxLength !== null) notes.push(`length ${minLength ?? 0}–${maxLength ?? "∞"}`);
  const minimum =
    number("minimum") ?? (number("exclusiveMinimum") === null ? null : (number("exclusiveMinimum") ?? 0) + 1);
  const maximum = number("maximum");
  if (minimum !== null) notes.push(`≥ ${minimum}`);
  if (maximum !== null && maximum < Number.MAX_SAFE_INTEGER) notes.push(`≤ ${maximum}`);
  if (schema.default !== undefined) notes.push(`default ${JSON.stringify(schema.default)}`);
  if (typeof schema.maxItems === "number") notes.push(`≤ ${schema.maxItems} items`);
  return notes;
}

/** One row per property, nested objects (also inside "one of" variants) flattened to dotted paths. */
export function schemaRows(schema: JsonSchema, prefix = "", parentRequired = true): SchemaRow[] {
  const properties = isSchema(schema.properties) ? schema.properties : {};
  const required = Array.isArray(schema.required) ? schema.required : [];
  const rows: SchemaRow[] = [];
  for (const [name, raw] of Object.entries(properties)) {
    if (!isSchema(raw)) continue;
    const path = prefix ? `${prefix}.${name}` : name;
    const isRequired = parentRequired && required.includes(name);
    const objects = [raw, ...list(raw.anyOf)].filter((candidate) => isSchema(candidate.properties));
    const description = typeof raw.description === "string" ? raw.description : null;
    if (objects.length) {
      const variants = list(raw.anyOf).length;
      rows.push({
        path,
        type: variants ? `one of ${variants} objects` : "object",
        required: isRequired,
        constraints: [],
        description,
      });
      objects.forEach((object, index) => {
        const label = variants ? `${path}[${index + 1}]` : path;
        rows.push(...schemaRows(object, label, isRequired));
      });
      continue;
    }
    rows.push({ path, type: typeLabel(raw), required: isRequired, constraints: constraintsOf(raw), description });
  }
  return rows;
}

/** A path or query parameter as a row: "status (query)". */
export function parameterRow(parameter: {
  name: string;
  in: string;
  required: boolean;
  schema: JsonSchema;
  description?: string;
}): SchemaRow {
  const schema = parameter.schema;
  return {
    path: `${parameter.name} (${parameter.in})`,
    type: typeLabel(schema),
    required: parameter.required,
    constraints: constraintsOf(schema),
    description: parameter.description ?? (typeof schema.description === "string" ? schema.description : null),
  };
}
