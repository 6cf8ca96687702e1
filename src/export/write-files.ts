import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import type { ExportTable } from "./export-table.ts";
import { safeCell } from "./safe-cell.ts";

/** UTF-8 with a BOM: without it Chinese Excel reads the file as GBK and shows mojibake. */
export function writeCsv(table: ExportTable): Uint8Array {
  const text = stringify([table.header, ...table.rows].map((row) => row.map(safeCell)), { record_delimiter: "windows" });
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);
}

/**
 * Every cell is written as a string cell: Excel shows it and never evaluates it, and a mobile
 * keeps its digits instead of becoming 1.38E+10. Dangerous-looking text gets the same
 * apostrophe as in the CSV, so a cell edited and saved in Excel stays text too.
 */
export async function writeXlsx(table: ExportTable, sheetName: string): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.addRow(table.header).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row.map(safeCell));
  sheet.columns.forEach((column, i) => {
    const widest = Math.max(...[table.header, ...table.rows.slice(0, 200)].map((r) => (r[i] ?? "").length));
    column.width = Math.min(40, Math.max(8, widest * 1.6));
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
