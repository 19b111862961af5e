import { describe, expect, it } from "vitest";
import { addAttachment, readAttachment } from "@/lib/attachments/service";
import { db } from "@/lib/db";
import { makeComplaint, makeCustomer, makeStaff, makeTeam } from "./factories";

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
const PDF = new TextEncoder().encode("%PDF-1.7\n%…");
const HTML = new TextEncoder().encode("<html><script>alert(1)</script></html>");

async function setup() {
  const team = await makeTeam();
  const { actor } = await makeStaff("agent", [team]);
  const other = (await makeStaff("agent", [await makeTeam()])).actor;
  const customer = await makeCustomer();
  const complaint = await makeComplaint({ customerId: customer.id, teamId: team.id });
  return { actor, other, complaint };
}

describe("attachments", () => {
  it("accepts images and PDFs by their content, whatever the name says", async () => {
    const { actor, complaint } = await setup();
    const png = await addAttachment(actor, complaint.reference, { name: "C:\\photos\\luggage.exe", bytes: PNG });
    expect(png).toMatchObject({
      ok: true,
      attachment: { contentType: "image/png", fileName: "luggage.png", size: PNG.byteLength },
    });
    const pdf = await addAttachment(actor, complaint.id, { name: "receipt.pdf", bytes: PDF });
    expect(pdf).toMatchObject({ ok: true, attachment: { contentType: "application/pdf" } });
    const events = await db.complaintEvent.count({ where: { complaintId: complaint.id, kind: "attachment_added" } });
    expect(events).toBe(2);
  });

  it("refuses other types, empty and oversized files with a field message", async () => {
    const { actor, complaint } = await setup();
    expect(await addAttachment(actor, complaint.id, { name: "x.png", bytes: HTML })).toMatchObject({
      ok: false,
      error: "invalid",
      fields: { file: ["unsupported_type"] },
    });
    expect(await addAttachment(actor, complaint.id, { name: "x.png", bytes: new Uint8Array() })).toMatchObject({
      ok: false,
      fields: { file: ["empty"] },
    });
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(PNG);
    expect(await addAttachment(actor, complaint.id, { name: "big.png", bytes: big })).toMatchObject({
      ok: false,
      fields: { file: ["too_large"] },
    });
    expect(await db.attachment.count({ where: { complaintId: complaint.id } })).toBe(0);
  });

  it("is invisible outside the actor's scope", async () => {
    const { actor, other, complaint } = await setup();
    const added = await addAttachment(actor, complaint.id, { name: "a.pdf", bytes: PDF });
    if (!added.ok) throw new Error("upload failed");
    expect(await addAttachment(other, complaint.id, { name: "b.pdf", bytes: PDF })).toMatchObject({
      ok: false,
      error: "not_found",
    });
    expect(await readAttachment(other, added.attachment.id)).toBeNull();
    expect((await readAttachment(actor, added.attachment.id))?.content.byteLength).toBe(PDF.byteLength);
  });
});
