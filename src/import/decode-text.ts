import chardet from "chardet";
import iconv from "iconv-lite";
import { DomainError } from "../errors.ts";

export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be" | "gb18030" | "big5";

/**
 * A CSV's bytes as text. Chinese Excel saves "CSV" in the system code page (GBK, a subset of
 * GB18030), other tools in UTF-8 with or without a BOM: a BOM decides; then bytes that are
 * valid UTF-8 are UTF-8 (a GBK file almost never is); anything else goes by chardet, GB18030
 * unless it is sure of Big5. Text that still does not decode cleanly is refused, not guessed.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (startsWith(buffer, [0xef, 0xbb, 0xbf])) return { text: buffer.subarray(3).toString("utf8"), encoding: "utf-8" };
  if (startsWith(buffer, [0xff, 0xfe])) return { text: iconv.decode(buffer.subarray(2), "utf-16le"), encoding: "utf-16le" };
  if (startsWith(buffer, [0xfe, 0xff])) return { text: iconv.decode(buffer.subarray(2), "utf-16be"), encoding: "utf-16be" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(buffer), encoding: "utf-8" };
  } catch {
    // Not UTF-8: a legacy code page.
  }
  // A sample is enough to tell the code page, and chardet reads every byte it is given.
  const guess = chardet.analyse(buffer.subarray(0, 16 * 1024))[0];
  const encoding: TextEncoding = guess?.name === "Big5" && guess.confidence >= 80 ? "big5" : "gb18030";
  const text = iconv.decode(buffer, encoding);
  if (text.includes("\ufffd")) throw new DomainError("bad_file", (m) => m.transfer.errors.encoding());
  return { text, encoding };
}

function startsWith(buffer: Buffer, prefix: number[]): boolean {
  return prefix.every((byte, i) => buffer[i] === byte);
}
