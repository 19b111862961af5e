// The JSON a mail gateway posts to POST /api/inbound/email (any gateway that can map a message to this shape).
import { z } from "zod";

export const inboundAttachmentSchema = z.object({
  filename: z.string().trim().max(255),
  contentType: z.string().trim().max(255),
  size: z.number().int().nonnegative(),
});

export const inboundEmailSchema = z.object({
  /** "a@b.example" or "Name <a@b.example>". */
  from: z.string().trim().min(3, "required").max(320),
  subject: z.string().max(2_000).default(""),
  /** Plain-text body; long bodies are accepted and cut to the complaint's limit. */
  text: z.string().max(500_000).default(""),
  /** The Message-ID header: a gateway retrying the same message must not file it twice. */
  messageId: z.string().trim().min(1).max(998).optional(),
  /** Metadata only: storing attachment contents from e-mail is not supported yet. */
  attachments: z.array(inboundAttachmentSchema).max(100).default([]),
});

export type InboundEmail = z.infer<typeof inboundEmailSchema>;
