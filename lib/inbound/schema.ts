// The JSON a mail gateway posts to POST /api/inbound/email (any gateway that can map a message to this shape).
import { z } from "zod";

/** Base64 of at most 10 MB (the attachment limit), allowing for padding and line breaks a gateway may add. */
const MAX_BASE64_CHARS = Math.ceil((10 * 1024 * 1024) / 3) * 4 + 200_000;

export const inboundAttachmentSchema = z.object({
  filename: z.string().trim().max(255),
  contentType: z.string().trim().max(255),
  size: z.number().int().nonnegative(),
  /** The file itself, base64-encoded. Images and PDF files are kept on the complaint; other files are listed only. */
  contentBase64: z.string().max(MAX_BASE64_CHARS).optional(),
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

/** The whole webhook body may carry a few full-size attachments. */
export const MAX_INBOUND_BODY_BYTES = 45 * 1024 * 1024;
