// CSV (BOM, quoting, formula neutralising) and the minimal XLSX writer (a valid ZIP with the sheet's cells).
import { inflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { toCsv, toXlsx } from "@/lib/exports/xlsx";

/** Reads the entries of a ZIP written by toXlsx (local headers only). */
function unzip(buffer: Buffer): Map<string, string> {
  const files = new Map<string, string>();
  let offset = 0;
  while (buffer.readUInt32LE(offset) === 0x04034b50) {
    const size = buffer.readUInt32LE(offset + 18);
    const nameLength = buffer.readUInt16LE(offset + 26);
    const name = buffer.subarray(offset + 30, offset + 30 + nameLength).toString("utf8");
    const start = offset + 30 + nameLength;
    files.set(name, inflateRawSync(buffer.subarray(start, start + size)).toString("utf8"));
    offset = start + size;
  }
  return files;
}

describe("CSV", () => {
  it("starts with a BOM, quotes where needed and neutralises formulas", () => {
    const csv = toCsv(["类别", "数量"], [["行李, 延误", 3], ['say "hi"', null], ["=HYPERLINK(1)", -2]]);
    expect(csv.startsWith("\uFEFF类别,数量\r\n")).toBe(true);
    expect(csv).toContain('"行李, 延误",3\r\n');
    expect(csv).toContain('"say ""hi""",\r\n');
    expect(csv).toContain("'=HYPERLINK(1),-2\r\n");
  });
});

describe("XLSX", () => {
  it("is a ZIP with workbook, styles and a sheet holding strings and numbers", () => {
    const files = unzip(toXlsx("categories_2026-06", ["Category", "Complaints"], [["行李 & <延误>", 12], ["Flights", 3.5]]));
    expect([...files.keys()]).toEqual(["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/worksheets/sheet1.xml"]);
    const sheet = files.get("xl/worksheets/sheet1.xml")!;
    expect(sheet).toContain('<c r="A1" t="inlineStr" s="1"><is><t xml:space="preserve">Category</t></is></c>');
    expect(sheet).toContain("行李 &amp; &lt;延误&gt;");
    expect(sheet).toContain('<c r="B2"><v>12</v></c>');
    expect(sheet).toContain('<c r="B3"><v>3.5</v></c>');
    expect(files.get("xl/workbook.xml")).toContain('name="categories_2026-06"');
  });
});
