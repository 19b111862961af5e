// Files that came with an inbound e-mail: images and PDF files (checked by content, like uploads) are kept on the
// complaint; anything else, and anything too large, is listed on the event with the reason it was not kept.
import "server-only";
import { createHash } from "node:crypto";
import type { Tx } from "@/lib/db";
import {
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS_PER_COMPLAINT,
  safeFileName,
  sniffContentType,
} from "@/lib/attachments/service";
import type { InboundEmail } from "@/lib/inbound/schema";

export type SkippedAttachment = {
  filename: string;
  reason: "no_content" | "unsupported_type" | "too_large" | "empty" | "limit_reached";
};

type Decoded = { name: string; bytes: Buffer; contentType: string; extension: string };

/** Decodes and checks each attachment; pure apart from the decoding. */
export function sortInboundAttachments(attachments: InboundEmail["attachments"]): {
  keep: Decoded[];
  skipped: SkippedAttachment[];
} {
  const keep: Decoded[] = [];
  const skipped: SkippedAttachment[] = [];
  for (const attachment of attachments) {
    if (attachment.contentBase64 === undefined) {
      skipped.push({ filename: attachment.filename, reason: "no_content" });
      continue;
    }
    const bytes = Buffer.from(attachment.contentBase64.replace(/\s+/g, ""), "base64");
    if (bytes.byteLength === 0) skipped.push({ filename: attachment.filename, reason: "empty" });
    else if (bytes.byteLength > MAX_ATTACHMENT_BYTES)
      skipped.push({ filename: attachment.filename, reason: "too_large" });
    else {
      const type = sniffContentType(bytes);
      if (!type) skipped.push({ filename: attachment.filename, reason: "unsupported_type" });
      else keep.push({ name: attachment.filename, bytes, contentType: type.contentType, extension: type.extension });
    }
  }
  return { keep, skipped };
}

/** Stores the accepted files on the complaint (up to the per-complaint limit), linked to the event of this e-mail. */
export async function storeInboundAttachments(tx: Tx, complaintId: number, eventId: number, files: Decoded[]) {
  const existing = await tx.attachment.count({ where: { complaintId } });
  const room = Math.max(0, MAX_ATTACHMENTS_PER_COMPLAINT - existing);
  const stored: { id: number; fileName: string }[] = [];
  const skipped: SkippedAttachment[] = files
    .slice(room)
    .map((file) => ({ filename: file.name, reason: "limit_reached" }));
  for (const file of files.slice(0, room)) {
    const attachment = await tx.attachment.create({
      data: {
        complaintId,
        eventId,
        fileName: safeFileName(file.name, file.extension),
        contentType: file.contentType,
        size: file.bytes.byteLength,
        sha256: createHash("sha256").update(file.bytes).digest("hex"),
        content: new Uint8Array(file.bytes),
      },
      select: { id: true, fileName: true },
    });
    stored.push(attachment);
  }
  return { stored, skipped };
}
