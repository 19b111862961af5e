// CSV (BOM, quoting, formula neutralising) and the XLSX writer (exceljs streaming; the file is read back with exceljs).
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { toCsv, toXlsx } from "@/lib/exports/xlsx";

describe("CSV", () => {
  it("starts with a BOM, quotes where needed and neutralises formulas", () => {
    const csv = toCsv(
      ["类别", "数量"],
      [
        ["行李, 延误", 3],
        ['say "hi"', null],
        ["=HYPERLINK(1)", -2],
      ],
    );
    expect(csv.startsWith("\uFEFF类别,数量\r\n")).toBe(true);
    expect(csv).toContain('"行李, 延误",3\r\n');
    expect(csv).toContain('"say ""hi""",\r\n');
    expect(csv).toContain("'=HYPERLINK(1),-2\r\n");
  });
});

describe("XLSX", () => {
  it("is a workbook whose sheet holds the header (bold, frozen) and the strings and numbers", async () => {
    const buffer = await toXlsx(
      "categories_2026-06",
      ["Category", "Complaints"],
      [
        ["行李 & <延误>", 12],
        ["Flights", 3.5],
        ["=SUM(1)", null],
      ],
    );
    expect(buffer.subarray(0, 2).toString()).toBe("PK");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["categories_2026-06"]);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getCell("A1").value).toBe("Category");
    expect(sheet.getCell("A1").font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.getCell("A2").value).toBe("行李 & <延误>");
    expect(sheet.getCell("B2").value).toBe(12);
    expect(sheet.getCell("B3").value).toBe(3.5);
    // A string that looks like a formula stays a string; an empty cell stays empty.
    expect(sheet.getCell("A4").value).toBe("=SUM(1)");
    expect(sheet.getCell("B4").value).toBeNull();
    expect(sheet.rowCount).toBe(4);
  });

  it("cleans a sheet name Excel would refuse", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      (await toXlsx("a/b:c*[d]?e_with_a_very_long_name_indeed", ["x"], [])) as unknown as ArrayBuffer,
    );
    expect(workbook.worksheets[0]?.name).toBe("a b c  d  e_with_a_very_long_na");
  });
});
