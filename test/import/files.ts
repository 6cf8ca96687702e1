import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import type { InputFile } from "../../src/reply.ts";

/** Builders for the files people send: CSV in a chosen encoding, XLSX as Excel writes it. */
export function csv(rows: (string | number)[][], options: { encoding?: "utf-8" | "gbk"; bom?: boolean; name?: string } = {}): InputFile {
  const text = rows.map((r) => r.map((c) => (/[",\n]/.test(String(c)) ? `"${String(c).replace(/"/g, '""')}"` : String(c))).join(",")).join("\r\n") + "\r\n";
  const body = options.encoding === "gbk" ? iconv.encode(text, "gbk") : Buffer.from(text, "utf8");
  const bytes = options.bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
  return { name: options.name ?? "customers.csv", bytes: new Uint8Array(bytes) };
}

export async function xlsx(rows: ExcelJS.CellValue[][], name = "customers.xlsx"): Promise<InputFile> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Sheet1");
  for (const row of rows) sheet.addRow(row);
  return { name, bytes: new Uint8Array(await workbook.xlsx.writeBuffer()) };
}

export async function readXlsxCells(bytes: Uint8Array): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook.worksheets[0]!;
}

/** `#12` numbers in a text, in order. */
export function numbersIn(text: string): number[] {
  return [...text.matchAll(/#(\d+)/g)].map((m) => Number(m[1]));
}
