// Attachments (images, PDF) on a complaint: type checked by content (magic bytes), not by the name or the header the
// browser sent; size limited; stored in the database (one thing to back up, works air-gapped).
import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { can, type Actor } from "@/lib/auth/permissions";
import { writeAudit } from "@/lib/audit/log";
import { fail, type Result } from "@/lib/errors";
import { complaintScope } from "@/lib/complaints/scope";
import { keyWhere, type ComplaintKey } from "@/lib/complaints/load";

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS_PER_COMPLAINT = 20;

const SIGNATURES: { contentType: string; extension: string; matches: (bytes: Uint8Array) => boolean }[] = [
  {
    contentType: "image/png",
    extension: "png",
    matches: (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47,
  },
  { contentType: "image/jpeg", extension: "jpg", matches: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  {
    contentType: "image/gif",
    extension: "gif",
    matches: (b) => b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x38,
  },
  {
    contentType: "image/webp",
    extension: "webp",
    matches: (b) =>
      b[0] === 0x52 &&
      b[1] === 0x49 &&
      b[2] === 0x46 &&
      b[3] === 0x46 &&
      b[8] === 0x57 &&
      b[9] === 0x45 &&
      b[10] === 0x42 &&
      b[11] === 0x50,
  },
  {
    contentType: "application/pdf",
    extension: "pdf",
    matches: (b) => b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46,
  },
];

/** The real type of the file from its first bytes, or null when it is not an accepted image or PDF. */
export function sniffContentType(bytes: Uint8Array) {
  return SIGNATURES.find((signature) => signature.matches(bytes)) ?? null;
}

/** A file name safe for storage and for Content-Disposition: no paths, no control characters, bounded length. */
export function safeFileName(name: string, extension: string) {
  const base = name
    .replace(/^.*[\\/]/, "")
    .replace(/[\u0000-\u001f\u007f"\\]/g, "")
    .trim()
    .slice(0, 120);
  const stem = base.replace(/\.[^.]*$/, "") || "attachment";
  return `${stem}.${extension}`;
}

export async function addAttachment(
  actor: Actor,
  key: ComplaintKey,
  file: { name: string; bytes: Uint8Array },
): Promise<Result<{ attachment: { id: number; fileName: string; contentType: string; size: number } }>> {
  if (!can(actor, "complaint.update")) return fail("forbidden", "You may not add attachments.");
  if (file.bytes.byteLength === 0) return fail("invalid", "The file is empty.", { fields: { file: ["empty"] } });
  if (file.bytes.byteLength > MAX_ATTACHMENT_BYTES)
    return fail("invalid", "The file is larger than 10 MB.", { fields: { file: ["too_large"] } });
  const type = sniffContentType(file.bytes);
  if (!type)
    return fail("invalid", "Only images (PNG, JPEG, GIF, WebP) and PDF files are accepted.", {
      fields: { file: ["unsupported_type"] },
    });

  return db.$transaction(async (tx) => {
    const complaint = await tx.complaint.findFirst({
      where: { ...keyWhere(key), ...complaintScope(actor) },
      select: { id: true, _count: { select: { attachments: true } } },
    });
    if (!complaint) return fail("not_found", "No such complaint.");
    if (complaint._count.attachments >= MAX_ATTACHMENTS_PER_COMPLAINT)
      return fail("unprocessable", `A complaint holds at most ${MAX_ATTACHMENTS_PER_COMPLAINT} attachments.`);
    const fileName = safeFileName(file.name, type.extension);
    const event = await tx.complaintEvent.create({
      data: {
        complaintId: complaint.id,
        kind: "attachment_added",
        actorId: actor.userId,
        data: { fileName, contentType: type.contentType, size: file.bytes.byteLength },
      },
      select: { id: true },
    });
    const attachment = await tx.attachment.create({
      data: {
        complaintId: complaint.id,
        eventId: event.id,
        fileName,
        contentType: type.contentType,
        size: file.bytes.byteLength,
        sha256: createHash("sha256").update(file.bytes).digest("hex"),
        content: Buffer.from(file.bytes),
      },
      select: { id: true, fileName: true, contentType: true, size: true },
    });
    await writeAudit(tx, {
      actorType: actor.kind,
      actorId: actor.userId,
      action: "complaint.attachment_add",
      entityType: "complaint",
      entityId: String(complaint.id),
      changes: { attachmentId: attachment.id, fileName },
    });
    return { ok: true as const, attachment };
  });
}

/** The file, if its complaint is within the actor's scope. */
export async function readAttachment(actor: Actor, id: number) {
  if (!can(actor, "complaint.read")) return null;
  return db.attachment.findFirst({
    where: { id, complaint: complaintScope(actor) },
    // an explicit select opts in to the omitted content
    select: { fileName: true, contentType: true, size: true, content: true },
  });
}

export async function listAttachments(actor: Actor, complaintId: number) {
  return db.attachment.findMany({
    where: { complaintId, complaint: complaintScope(actor) },
    orderBy: { id: "asc" },
    select: { id: true, fileName: true, contentType: true, size: true, createdAt: true },
  });
}
