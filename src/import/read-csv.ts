import { parse } from "csv-parse/sync";
import { DomainError } from "../errors.ts";
import { decodeText, type TextEncoding } from "./decode-text.ts";

/**
 * A CSV file as rows of cells. The delimiter is the one the header line uses most: comma,
 * semicolon (European Excel) or tab (a sheet pasted into a text file).
 */
export function readCsv(bytes: Uint8Array): { rows: string[][]; encoding: TextEncoding } {
  const { text, encoding } = decodeText(bytes);
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = [",", ";", "\t"].map((d) => ({ d, n: firstLine.split(d).length })).sort((a, b) => b.n - a.n)[0]!.d;
  try {
    const rows = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: false, bom: true }) as string[][];
    return { rows, encoding };
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new DomainError("bad_file", (m) => m.transfer.errors.badCsv(line));
  }
}
