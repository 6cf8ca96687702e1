import { DomainError } from "../errors.ts";
import type { InputFile } from "../reply.ts";
import { IMPORT_LIMITS } from "./limits.ts";
import { readCsv } from "./read-csv.ts";
import { readXlsx } from "./read-xlsx.ts";

export interface Table {
  format: "csv" | "xlsx";
  /** For CSV, how its bytes were decoded. */
  encoding?: string;
  header: string[];
  /** Data rows, each with its line in the sheet (1 = the first line), blank lines left out. */
  rows: { line: number; cells: string[] }[];
}

/**
 * A sent file as a header and data rows, within the limits. XLSX is told by its zip signature,
 * not only by its name (a phone may rename the file); an old binary .xls is refused by name.
 */
export async function readTable(file: InputFile): Promise<Table> {
  const { maxFileBytes, maxRows, maxColumns, maxCellChars } = IMPORT_LIMITS;
  if (Math.max(file.size ?? 0, file.bytes.byteLength) > maxFileBytes) {
    const mb = maxFileBytes / 1024 / 1024;
    throw new DomainError("file_too_big", (m) => m.transfer.errors.tooBig(mb));
  }
  const name = file.name.toLowerCase();
  const isZip = file.bytes[0] === 0x50 && file.bytes[1] === 0x4b;
  let table: Pick<Table, "format" | "encoding"> & { all: string[][] };
  if (isZip || name.endsWith(".xlsx")) table = { format: "xlsx", all: await readXlsx(file.bytes) };
  else if (name.endsWith(".csv") || name.endsWith(".txt") || name.endsWith(".tsv")) {
    const csv = readCsv(file.bytes);
    table = { format: "csv", encoding: csv.encoding, all: csv.rows };
  } else {
    const fileName = file.name;
    throw new DomainError("bad_file", (m) => m.transfer.errors.format(fileName));
  }
  const all = table.all.map((row) => row.map(readCell));
  // Blank lines at the top (a title row left empty) and anywhere else carry nothing.
  const firstFilled = all.findIndex((row) => row.some((c) => c !== ""));
  if (firstFilled < 0) throw new DomainError("bad_file", (m) => m.transfer.errors.empty());
  const header = all[firstFilled]!;
  const rows = all
    .map((cells, i) => ({ line: i + 1, cells }))
    .slice(firstFilled + 1)
    .filter((row) => row.cells.some((c) => c !== ""));
  if (rows.length === 0) throw new DomainError("bad_file", (m) => m.transfer.errors.empty());
  if (rows.length > maxRows) {
    const count = rows.length;
    throw new DomainError("file_too_big", (m) => m.transfer.errors.tooManyRows(count, maxRows));
  }
  if (header.length > maxColumns) throw new DomainError("bad_file", (m) => m.transfer.errors.tooManyColumns(maxColumns));
  const long = rows.find((row) => row.cells.some((c) => c.length > maxCellChars));
  if (long) {
    const { line } = long;
    throw new DomainError("bad_file", (m) => m.transfer.errors.cellTooLong(line, maxCellChars));
  }
  return { format: table.format, ...(table.encoding ? { encoding: table.encoding } : {}), header, rows };
}

/** A cell as typed; the apostrophe our export puts before `=`, `+`, `-`, `@` (see safe-cell.ts) is taken off again. */
function readCell(cell: string): string {
  return cell.trim().replace(/^'(?=[=+\-@])/, "");
}
