// Response shapes of /api/v1 for the OpenAPI document. Responses are built by the services, not validated, so these
// describe the documented fields (records may carry more); written in zod so the document has one generator.
import { z } from "zod";
import { PRIORITIES, STATUSES } from "@/lib/complaints/schema";

const timestamp = z.iso.datetime();
const label = z.object({ nameZh: z.string(), nameEn: z.string() });
const status = z.enum(STATUSES);

const errorSchema = z.object({
  error: z.object({
    code: z.enum([
      "invalid",
      "unauthorized",
      "forbidden",
      "not_found",
      "conflict",
      "unprocessable",
      "rate_limited",
      "unavailable",
      "too_large",
      "internal",
    ]),
    message: z.string(),
    fields: z
      .record(z.string(), z.array(z.string()))
      .optional()
      .describe("Offending fields by dotted path → message codes (required, too_short, invalid_email, unknown, …)."),
    details: z
      .record(z.string(), z.unknown())
      .optional()
      .describe("For 409: currentVersion, status and lastChange (kind, at, by, data)."),
  }),
});

const complaintRow = z.object({
  id: z.number().int(),
  reference: z.string(),
  subject: z.string(),
  status,
  priority: z.enum(PRIORITIES),
  escalationLevel: z.number().int(),
  nextDueAt: timestamp.nullable(),
  slaBreached: z.boolean(),
  createdAt: timestamp,
  customer: z.object({ name: z.string() }),
  severity: label.extend({ code: z.string(), rank: z.number().int() }),
  category: label.nullable(),
  channel: label,
  assignee: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  team: label.nullable(),
});

const complaint = z.object({
  id: z.number().int(),
  reference: z.string(),
  version: z.number().int().describe("Send it back with PATCH, transitions and comments."),
  status,
  type: z.string(),
  priority: z.enum(PRIORITIES),
  subject: z.string(),
  description: z.string(),
  customerId: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp,
  resolutionDueAt: timestamp.nullable(),
  allowedTransitions: z.array(status),
  events: z.array(
    z.object({
      id: z.number().int(),
      kind: z.string(),
      visibility: z.string(),
      body: z.string().nullable(),
      createdAt: timestamp,
    }),
  ),
});

const customer = z.object({
  id: z.number().int(),
  name: z.string(),
  phone: z.string().nullable().describe("Masked without pii.view."),
  email: z.string().nullable().describe("Masked without pii.view."),
  membershipNumber: z.string().nullable(),
  locale: z.enum(["zh_CN", "en"]),
  tags: z.array(z.string()),
  version: z.number().int(),
});

const data = <T extends z.ZodType>(schema: T) => z.object({ data: schema });
const page = <T extends z.ZodType>(schema: T) =>
  z.object({
    data: z.array(schema),
    nextCursor: z.string().nullable().describe("Pass as `cursor` for the next page; null on the last page."),
  });

const SHAPES = {
  Error: errorSchema,
  ComplaintList: page(complaintRow),
  ComplaintCreated: data(
    z.object({
      id: z.number().int(),
      reference: z.string(),
      status,
      trackingUrl: z.url().describe("The customer's private tracking link."),
    }),
  ),
  Complaint: data(complaint),
  ComplaintUpdated: data(z.object({ reference: z.string(), version: z.number().int(), changed: z.array(z.string()) })),
  ComplaintStatus: data(z.object({ id: z.number().int(), reference: z.string(), status, version: z.number().int() })),
  CommentCreated: data(z.object({ id: z.number().int(), kind: z.enum(["note", "reply"]), version: z.number().int() })),
  CustomerList: page(customer),
  CustomerCreated: data(customer),
  Customer: data(
    customer.extend({
      openComplaintCount: z.number().int(),
      recentComplaints: z.array(
        z.object({
          id: z.number().int(),
          reference: z.string(),
          restricted: z.boolean().describe("Another team's complaint: metadata only, subject withheld."),
          subject: z.string().nullable(),
          status,
          createdAt: timestamp,
        }),
      ),
      lastCsat: z.object({ score: z.number().int(), answeredAt: timestamp, complaintId: z.number().int() }).nullable(),
    }),
  ),
} as const;

function toJson(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: "draft-2020-12", io: "output" });
  return rest;
}

export type ResponseSchemaName = keyof typeof SHAPES;

export const RESPONSE_SCHEMAS = Object.fromEntries(
  (Object.keys(SHAPES) as ResponseSchemaName[]).map((name) => [name, toJson(SHAPES[name])]),
) as Record<ResponseSchemaName, Record<string, unknown>>;
