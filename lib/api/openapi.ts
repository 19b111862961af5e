// The OpenAPI 3.1 document of /api/v1, generated from the zod schemas the handlers validate with (lib/api/schemas.ts).
import { z } from "zod";
import type { Permission } from "@/lib/auth/permissions";
import { API_RATE_LIMIT } from "@/lib/api/auth";
import {
  commentSchema,
  complaintListQuerySchema,
  createComplaintSchema,
  customerListQuerySchema,
  newCustomerSchema,
  transitionSchema,
  updateComplaintSchema,
  updateCustomerSchema,
} from "@/lib/api/schemas";
import { RESPONSE_SCHEMAS } from "@/lib/api/openapi-responses";

type JsonSchema = Record<string, unknown>;

/** Request shapes as clients send them (before defaults and trimming), in JSON Schema 2020-12 as OpenAPI 3.1 uses. */
function jsonSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    target: "draft-2020-12",
    io: "input",
    unrepresentable: "any",
  });
  return rest;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

const REQUEST_SCHEMAS = {
  CreateComplaint: createComplaintSchema,
  UpdateComplaint: updateComplaintSchema,
  Transition: transitionSchema,
  Comment: commentSchema,
  NewCustomer: newCustomerSchema,
  UpdateCustomer: updateCustomerSchema,
} as const;

export type RequestSchemaName = keyof typeof REQUEST_SCHEMAS;

function requestSchemas(): Record<RequestSchemaName, JsonSchema> {
  const names = Object.keys(REQUEST_SCHEMAS) as RequestSchemaName[];
  return Object.fromEntries(names.map((name) => [name, jsonSchema(REQUEST_SCHEMAS[name])])) as Record<
    RequestSchemaName,
    JsonSchema
  >;
}

type Status = "200" | "201" | "400" | "401" | "403" | "404" | "409" | "422" | "429";

export type Operation = {
  method: "get" | "post" | "patch";
  path: string;
  summary: string;
  description: string;
  permission: readonly Permission[];
  pathParam?: { name: "reference" | "id"; description: string; schema: JsonSchema };
  query?: z.ZodObject;
  body?: RequestSchemaName;
  success: { status: "200" | "201"; schema: keyof typeof RESPONSE_SCHEMAS; description: string };
  errors: Status[];
};

const reference = {
  name: "reference",
  description: "Complaint reference, e.g. CMP-2026-000123 (or numeric id).",
  schema: { type: "string", examples: ["CMP-2026-000123"] },
} as const;
const customerId = { name: "id", description: "Customer id.", schema: { type: "integer", minimum: 1 } } as const;

export const OPERATIONS: readonly Operation[] = [
  {
    method: "get",
    path: "/api/v1/complaints",
    summary: "List complaints",
    description:
      'Complaints the token may see, filtered and sorted like the agent queues (queue defaults to "all"). List parameters accept comma-separated values or repeated parameters. Follow `nextCursor` for the next page.',
    permission: ["complaint.read"],
    query: complaintListQuerySchema,
    success: { status: "200", schema: "ComplaintList", description: "A page of complaints." },
    errors: ["400", "401", "403", "429"],
  },
  {
    method: "post",
    path: "/api/v1/complaints",
    summary: "Log a complaint",
    description:
      "Creates the complaint (and a new customer unless `customer.id` names one), starts its SLA clocks and e-mails the customer an acknowledgement with the private tracking link. Priority is derived from severity × customer tier when omitted.",
    permission: ["complaint.create"],
    body: "CreateComplaint",
    success: {
      status: "201",
      schema: "ComplaintCreated",
      description: "Created; the Location header names the new complaint.",
    },
    errors: ["400", "401", "403", "429"],
  },
  {
    method: "get",
    path: "/api/v1/complaints/{reference}",
    summary: "Get a complaint",
    description:
      "The complaint with its SLA clocks, timeline (including internal notes), compensation and allowed next statuses.",
    permission: ["complaint.read"],
    pathParam: reference,
    success: { status: "200", schema: "Complaint", description: "The complaint." },
    errors: ["401", "403", "404", "429"],
  },
  {
    method: "patch",
    path: "/api/v1/complaints/{reference}",
    summary: "Edit a complaint",
    description:
      "Changes the given fields. `version` must be the complaint's current version (from GET); otherwise 409 with what changed since.",
    permission: ["complaint.update"],
    pathParam: reference,
    body: "UpdateComplaint",
    success: { status: "200", schema: "ComplaintUpdated", description: "Saved; `version` is the new version." },
    errors: ["400", "401", "403", "404", "409", "422", "429"],
  },
  {
    method: "post",
    path: "/api/v1/complaints/{reference}/transitions",
    summary: "Change a complaint's status",
    description:
      "Resolving needs `rootCauseId` and `resolutionSummary`; `duplicate` needs `duplicateOfReference`; `rejected` and `reopened` need a `reason`; `reopened` needs complaint.reopen. An illegal step is 422.",
    permission: ["complaint.transition"],
    pathParam: reference,
    body: "Transition",
    success: { status: "200", schema: "ComplaintStatus", description: "The new status and version." },
    errors: ["400", "401", "403", "404", "409", "422", "429"],
  },
  {
    method: "post",
    path: "/api/v1/complaints/{reference}/comments",
    summary: "Add a note or reply",
    description:
      "`note` is internal (needs complaint.update); `reply` is e-mailed to the customer in their language and counts as the first response (needs complaint.reply).",
    permission: ["complaint.update", "complaint.reply"],
    pathParam: reference,
    body: "Comment",
    success: {
      status: "201",
      schema: "CommentCreated",
      description: "Added; `version` is the complaint's new version.",
    },
    errors: ["400", "401", "403", "404", "409", "422", "429"],
  },
  {
    method: "get",
    path: "/api/v1/customers",
    summary: "List or search customers",
    description:
      "Customers the token may see, newest first; `q` matches name, e-mail, phone or membership number. Contact data is masked unless the token holds pii.view.",
    permission: ["customer.read"],
    query: customerListQuerySchema,
    success: { status: "200", schema: "CustomerList", description: "A page of customers." },
    errors: ["400", "401", "403", "429"],
  },
  {
    method: "post",
    path: "/api/v1/customers",
    summary: "Register a customer",
    description:
      "Customers come into being with complaints, so this takes complaint.create. A phone number or an e-mail address is required.",
    permission: ["complaint.create"],
    body: "NewCustomer",
    success: {
      status: "201",
      schema: "CustomerCreated",
      description: "Created; the Location header names the new customer.",
    },
    errors: ["400", "401", "403", "429"],
  },
  {
    method: "get",
    path: "/api/v1/customers/{id}",
    summary: "Get a customer",
    description: "Profile, tier, tags, the last 10 complaints and the latest CSAT answer.",
    permission: ["customer.read"],
    pathParam: customerId,
    success: { status: "200", schema: "Customer", description: "The customer." },
    errors: ["401", "403", "404", "429"],
  },
  {
    method: "patch",
    path: "/api/v1/customers/{id}",
    summary: "Edit a customer",
    description:
      "Changes the given fields; `version` must be current (else 409 with the current values). Name and ID number need customer.change_review.",
    permission: ["customer.update"],
    pathParam: customerId,
    body: "UpdateCustomer",
    success: { status: "200", schema: "CustomerCreated", description: "The saved customer." },
    errors: ["400", "401", "403", "404", "409", "422", "429"],
  },
];

const ERROR_DESCRIPTIONS: Record<Exclude<Status, "200" | "201">, string> = {
  "400":
    "Invalid input: `error.fields` maps each offending field (dotted path, e.g. `customer.email`) to message codes; or the body is not valid JSON.",
  "401": "Missing, unknown, revoked or expired token (with `WWW-Authenticate: Bearer`).",
  "403": "The token lacks the permission this endpoint needs.",
  "404": "No such record, or outside what the token may see.",
  "409": "Stale `version`: someone changed the record; `error.details` says what and the current version.",
  "422": "Valid input that the record's state does not allow (e.g. an illegal status change).",
  "429": `More requests in ${API_RATE_LIMIT.windowSeconds} s than this token's limit (${API_RATE_LIMIT.requests} unless set otherwise on the token); see Retry-After.`,
};

function queryParameters(schema: z.ZodObject) {
  const { properties = {}, required = [] } = jsonSchema(schema) as {
    properties?: Record<string, JsonSchema>;
    required?: string[];
  };
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: "query",
    required: required.includes(name),
    schema: property,
  }));
}

export function operationObject(operation: Operation) {
  const parameters = [
    ...(operation.pathParam
      ? [
          {
            name: operation.pathParam.name,
            in: "path",
            required: true,
            description: operation.pathParam.description,
            schema: operation.pathParam.schema,
          },
        ]
      : []),
    ...(operation.query ? queryParameters(operation.query) : []),
  ];
  const responses: Record<string, unknown> = {
    [operation.success.status]: {
      description: operation.success.description,
      content: { "application/json": { schema: ref(operation.success.schema) } },
    },
  };
  for (const status of operation.errors) {
    if (status === "200" || status === "201") continue;
    responses[status] = {
      description: ERROR_DESCRIPTIONS[status],
      content: { "application/json": { schema: ref("Error") } },
    };
  }
  responses["500"] = {
    description: "Unexpected server error (generic message, details logged).",
    content: { "application/json": { schema: ref("Error") } },
  };
  return {
    operationId: `${operation.method}${operation.path
      .replace("/api/v1", "")
      .replace(/[{}]/g, "")
      .split("/")
      .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
      .join("")}`,
    summary: operation.summary,
    description: `${operation.description}\n\nRequires ${operation.permission.map((name) => `\`${name}\``).join(" or ")}.`,
    "x-permissions": operation.permission,
    ...(parameters.length ? { parameters } : {}),
    ...(operation.body
      ? { requestBody: { required: true, content: { "application/json": { schema: ref(operation.body) } } } }
      : {}),
    responses,
  };
}

export function buildOpenApiDocument(serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of OPERATIONS) (paths[operation.path] ??= {})[operation.method] = operationObject(operation);
  return {
    openapi: "3.1.0",
    info: {
      title: "Skyline CSM API",
      version: "1.0.0",
      description:
        "Complaints and customers for integrations (chat, social media, regulator gateways). Authenticate with an API token created by an administrator: `Authorization: Bearer sk_…`. A token holds only the permissions chosen for it; it belongs to no team, so it sees complaints only when it holds complaint.read_all. Dates are ISO 8601; list endpoints use cursor pagination (`nextCursor`).",
    },
    servers: [{ url: serverUrl }],
    security: [{ bearerAuth: [] }],
    paths,
    components: {
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", description: "API token `sk_<prefix>_<secret>`." },
      },
      schemas: {
        ...requestSchemas(),
        ...RESPONSE_SCHEMAS,
      },
    },
  };
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;
