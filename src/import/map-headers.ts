import { CUSTOMER_FIELDS, findFieldKey, type FieldKey } from "../domain/customer-fields.ts";
import { DomainError } from "../errors.ts";
import { messagesFor } from "../i18n/messages.ts";

/** What a column of the file holds. */
export type ColumnKind =
  | { kind: "field"; key: Exclude<FieldKey, "force"> }
  /** 负责业务员: the rep who will own the row (directors). */
  | { kind: "owner" }
  /** A column our own export writes that an import does not set (编号, 最近跟进…): skipped, and said so. */
  | { kind: "ignored" };

export interface HeaderMap {
  /** Column index → what it holds; unknown columns are not in it. */
  columns: Map<number, ColumnKind>;
  /** Headers of the columns that are read, in file order. */
  used: string[];
  ignored: string[];
  /** Headers no rule names: listed to the person, never guessed. */
  unknown: string[];
}

const OWNER_WORDS = ["负责业务员", "业务员", "负责销售", "销售员", "销售", "所属业务员", "归属", "owner", "sales rep", "salesrep", "rep", "assigned to", "account owner"];
/** Columns of the export (and of common CRM exports) that an import does not write. */
const IGNORED_WORDS = [
  "编号", "客户编号", "序号", "number", "no", "#", "id",
  "最近跟进", "最后跟进", "上次跟进", "last touch", "下次跟进", "next due", "订单", "orders", "订单数", "订单金额", "order total",
  "创建时间", "created", "created at", "备案", "备案状态", "filing", "成交金额", "won amount", "战败原因", "lost reason",
];
/** English headers other tools write for our fields. */
const ENGLISH_WORDS: Record<string, Exclude<FieldKey, "force">> = {
  "company name": "company", "customer": "company", "account": "company", "account name": "company",
  "contact name": "contact", "contact person": "contact", "decision maker": "contact", "job title": "title",
  "mobile phone": "mobile", "mobile number": "mobile", "cell phone": "mobile", "cellphone": "mobile",
  "phone number": "phone", "telephone": "phone", "fax number": "fax", "e-mail": "email", "email address": "email",
  "state": "province", "company size": "size", "employees": "size", "annual revenue": "revenue",
  "lead source": "source", "notes": "note", "remark": "note", "remarks": "note", "comments": "note",
  "call log": "calllog", "call notes": "calllog", "level": "grade", "status": "stage",
};

/** 手机号（必填）, " Mobile * ", "E-mail:" all name one column. */
export function normalizeHeader(header: string): string {
  return header
    .normalize("NFKC")
    .replace(/[(（\[【][^)）\]】]*[)）\]】]/g, "")
    .replace(/[*＊:：]/g, "")
    .replace(/[\s_\-]+/g, " ")
    .trim()
    .toLowerCase();
}

const BY_WORD = buildWords();

function buildWords(): Map<string, ColumnKind> {
  const words = new Map<string, ColumnKind>();
  const add = (word: string, kind: ColumnKind) => {
    const key = normalizeHeader(word);
    if (!words.has(key)) words.set(key, kind);
  };
  OWNER_WORDS.forEach((w) => add(w, { kind: "owner" }));
  // The labels our own export writes, in both languages, so an export always reads back.
  for (const m of [messagesFor("zh-CN"), messagesFor("en")]) {
    for (const key of [...CUSTOMER_FIELDS, "calllog", "stage", "grade", "man"] as const) add(m.fields[key], { kind: "field", key });
    add(m.fields.owner, { kind: "owner" });
    for (const label of [m.fields.filing, m.fields.lostReason, ...Object.values(m.transfer.exportHeaders)]) add(label, { kind: "ignored" });
  }
  for (const [word, key] of Object.entries(ENGLISH_WORDS)) add(word, { kind: "field", key });
  IGNORED_WORDS.forEach((w) => add(w, { kind: "ignored" }));
  return words;
}

function kindOf(header: string): ColumnKind | undefined {
  const key = findFieldKey(header) ?? findFieldKey(normalizeHeader(header));
  if (key && key !== "force") return { kind: "field", key };
  return BY_WORD.get(normalizeHeader(header)) ?? BY_WORD.get(normalizeHeader(header).replace(/ /g, ""));
}

/**
 * Maps the header row onto the customer fields. Two columns for one field, or no company
 * column, are refused: which of two mobiles is meant cannot be known.
 */
export function mapHeaders(header: string[]): HeaderMap {
  const map: HeaderMap = { columns: new Map(), used: [], ignored: [], unknown: [] };
  const seen = new Map<string, string>();
  header.forEach((raw, index) => {
    if (raw === "") return;
    const kind = kindOf(raw);
    if (!kind) return void map.unknown.push(raw);
    if (kind.kind === "ignored") return void map.ignored.push(raw);
    const slot = kind.kind === "owner" ? "owner" : kind.key;
    const earlier = seen.get(slot);
    if (earlier !== undefined) throw new DomainError("bad_file", (m) => m.transfer.errors.columnTwice(earlier, raw));
    seen.set(slot, raw);
    map.columns.set(index, kind);
    map.used.push(raw);
  });
  if (!seen.has("company")) {
    const found = header.filter((h) => h !== "");
    throw new DomainError("bad_file", (m) => m.transfer.errors.noCompanyColumn(found));
  }
  return map;
}
