// The JSON a mail gateway posts to POST /api/inbound/email (any gateway that can map a message to this shape).
import { z } from "zod";

/** The whole webhook body may carry a few full-size attachments. */
export const MAX_INBOUND_BODY_BYTES = 45 * 1024 * 1024;

/**
 * Standard base64 (RFC 4648 §4, padded), with the line breaks and spaces a gateway may add. Node's decoder skips
 * characters outside the alphabet silently, so garbage would otherwise be filed as a broken file: refused instead.
 */
export function isBase64(value: string) {
  const compact = value.replace(/\s+/g, "");
  return compact.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(compact);
}

export const inboundAttachmentSchema = z.object({
  filename: z.string().trim().max(255),
  contentType: z.string().trim().max(255),
  size: z.number().int().nonnegative(),
  /** The file itself, base64-encoded. Images and PDF files are kept on the complaint; other files are listed only. */
  // Bounded by the body limit only: a file over the 10 MB attachment limit is listed as "too_large", not refused
  // with the whole message (the gateway would not retry, and the mail would be lost).
  contentBase64: z.string().max(MAX_INBOUND_BODY_BYTES).refine(isBase64, "invalid_base64").optional(),
});

export const inboundEmailSchema = z.object({
  /** "a@b.example" or "Name <a@b.example>". */
  from: z.string().trim().min(3, "required").max(320),
  subject: z.string().max(2_000).default(""),
  /** Plain-text body; long bodies are accepted and cut to the complaint's limit. */
  text: z.string().max(500_000).default(""),
  /** The Message-ID header: a gateway retrying the same message must not file it twice. */
  messageId: z.string().trim().min(1).max(998).optional(),
  attachments: z.array(inboundAttachmentSchema).max(100).default([]),
});

export type InboundEmail = z.infer<typeof inboundEmailSchema>;
