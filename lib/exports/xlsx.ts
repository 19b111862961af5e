// XLSX through exceljs' streaming WorkbookWriter (one sheet, a bold frozen header row, strings and numbers): rows are
// committed one by one to the output stream, so an export's memory does not grow with its length. CSV stays a
// hand-written RFC 4180 join (no library needed).
import { PassThrough, Readable, type Writable } from "node:stream";
import ExcelJS from "exceljs";

export type SheetCell = string | number | null;
type Rows = Iterable<SheetCell[]> | AsyncIterable<SheetCell[]>;

/** Excel forbids \ / ? * [ ] : in sheet names and allows at most 31 characters. */
function sheetTitle(name: string): string {
  return name.replace(/[\\/?*[\]:]/g, " ").slice(0, 31) || "Sheet1";
}

/** Control characters other than tab/newline are not allowed in XML 1.0; non-finite numbers are written as text. */
function cellValue(cell: SheetCell): string | number | null {
  if (cell === null || cell === "") return null;
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : String(cell);
  return cell.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "");
}

/** Writes the workbook to `stream` row by row; resolves when the ZIP is complete (the stream is ended). */
export async function writeXlsx(stream: Writable, sheetName: string, header: string[], rows: Rows): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetTitle(sheetName), { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = header.map((_, index) => ({ width: index === 0 ? 28 : 16 }));
  const head = sheet.addRow(header.map(cellValue));
  head.font = { bold: true };
  head.commit();
  for await (const cells of rows) sheet.addRow(cells.map(cellValue)).commit();
  sheet.commit();
  await workbook.commit();
}

/** The workbook as a Node stream (for a streamed HTTP response); errors are passed to the stream. */
export function xlsxStream(sheetName: string, header: string[], rows: Rows): Readable {
  const output = new PassThrough();
  writeXlsx(output, sheetName, header, rows).catch((error: unknown) => output.destroy(error as Error));
  return output;
}

/** The whole workbook in one buffer (small tables, tests). */
export async function toXlsx(sheetName: string, header: string[], rows: Rows): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of xlsxStream(sheetName, header, rows)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** CSV (RFC 4180) with a UTF-8 byte-order mark, so Excel shows Chinese correctly; formulas are neutralised. */
export function toCsv(header: string[], rows: SheetCell[][]): string {
  const field = (cell: SheetCell) => {
    if (cell === null) return "";
    let text = String(cell);
    // A cell starting with = + - @ would run as a formula in Excel (CSV injection); numbers are left alone.
    if (typeof cell === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return `\uFEFF${[header, ...rows].map((cells) => cells.map(field).join(",")).join("\r\n")}\r\n`;
}
