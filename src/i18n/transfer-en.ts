/** Import and export (导入/导出): the English words. The Chinese catalog is typed against these. */

/** Row counts with thousands separators (10,000), as both languages write them. */
export const count = (n: number): string => n.toLocaleString("en-US");

/** "1 customer", "2 customers", "10,000 customers". */
const customers = (n: number): string => `${count(n)} customer${n === 1 ? "" : "s"}`;

export const transferEn = {
  errors: {
    encoding: () => "I could not tell how this CSV is encoded. Save it again from Excel as \"CSV UTF-8\" (or as .xlsx) and send it again.",
    badCsv: (line?: number) => `This CSV cannot be read${line ? ` (around line ${line})` : ""}: check its quotes, or save it again from Excel as .xlsx.`,
    badXlsx: () => "This .xlsx file cannot be opened. Save it again from Excel (File → Save As → Excel Workbook) and send it again.",
    oneFile: (names: string[]) => `You sent ${names.length} files at once (${names.join(", ")}): send one file per message, each gets its own dry run.`,
    tooBig: (mb: number) => `The file is larger than ${mb} MB. Split it into smaller files and import them one after the other.`,
    format: (name: string) => `"${name}" is not a file I can import: send a .csv or .xlsx file (an old .xls: save it as .xlsx first).`,
    empty: () => "The file has no rows to import: it needs a header row (公司名称, 负责人, 手机…) and at least one customer below it.",
    tooManyRows: (rows: number, max: number) => `The file has ${count(rows)} rows; one import takes at most ${count(max)}. Split it and import the parts one after the other.`,
    tooManyColumns: (max: number) => `The header row has more than ${max} columns. Keep the customer columns only.`,
    cellTooLong: (line: number, max: number) => `Line ${line} has a cell longer than ${max} characters. Shorten it and send the file again.`,
    columnTwice: (first: string, second: string) => `The columns "${first}" and "${second}" are the same field: keep one of them.`,
    noCompanyColumn: (found: string[]) => `No company column: name one column 公司名称 (or Company). The header row has: ${found.join(", ") || "nothing"}.`,
    rowFailed: (ref: string, why: string) => `Line ${ref}: ${why}`,
    ownerGone: () => "the rep it was assigned to is no longer in the workspace.",
    sameAsRow: (line: string) => `same company or mobile as line ${line}.`,
    unknownOwner: (name: string) => `"${name}" is nobody in this workspace (use the rep's name as the bot shows it).`,
    repForOthers: () => "only a director can import customers for another rep; leave 负责业务员 empty or put your own name.",
    noFile: (path?: string) => (path ? `I could not open the file "${path}". Check the path and try again.` : "No file came with the command."),
    pendingGone: () => "That import is not waiting any more (it was cancelled or replaced). Send the file again for a new dry run.",
    pendingExpired: () => "That dry run has expired. Send the file again for a fresh one: the workspace may have changed since.",
    pendingDone: () => "That import was already carried out.",
    pendingNotYours: () => "That import was started by someone else: only they can confirm it.",
    noLongerDirector: () => "This import assigns customers to other reps, and only a director may: ask a director to import it.",
    teamForReps: () => "Only directors export the team's customers; `export` gives you your own.",
    exportWhat: (word: string) => `I don't know "${word}" here: use export [mine|team] [csv|xlsx].`,
  },
  import: {
    howTo: (maxRows: number, maxMb: number) => [
      "Send me the customer file (.xlsx or .csv) in a direct message to the bot: Slack — drop it into the app's Messages tab; Feishu — send it in your chat with the bot; console — import <path>.",
      "The first row names the columns, in Chinese or English: 公司名称/Company (required), 负责人/Contact, 职位/Title, 手机/Mobile, 电话/Phone, 省份/Province, 城市/City, 地址/Address, 等级/Grade, 阶段/Stage, 来源/Source, 备注/Note, 通话记录/Call log … Directors may add 负责业务员 (the rep who owns the row).",
      `First you get a dry run (what will be created, duplicates, rows with mistakes), then a button to confirm. At most ${count(maxRows)} rows and ${maxMb} MB per file; CSV in UTF-8 or GBK.`,
    ],
    title: (file: string) => `Import dry run: ${file}`,
    summary: (file: string, rows: number, create: number, duplicates: number, invalid: number) =>
      `${file}: ${count(rows)} rows — ${count(create)} to create, ${count(duplicates)} duplicates, ${count(invalid)} with mistakes. Nothing is written yet.`,
    read: (format: string, encoding?: string) => `Read as ${format.toUpperCase()}${encoding ? ` (${encoding.toUpperCase()})` : ""}`,
    columns: () => "Columns read",
    toCreate: (n: number) => `To create (${count(n)})`,
    createLine: (line: number, company: string, owner: string) => `line ${line} · ${company} · ${owner}`,
    duplicates: (n: number) => `Duplicates, skipped (${count(n)})`,
    duplicateOfLine: (line: number, company: string, of: number) => `line ${line} · ${company} — same company or mobile as line ${of}`,
    duplicateOfCustomer: (line: number, company: string, n: number, owner: string, byMobile: boolean) =>
      `line ${line} · ${company} — ${byMobile ? "its mobile is" : "already"} #${n} (owner ${owner})`,
    invalid: (n: number) => `Mistakes, skipped (${count(n)}) — fix them in the file and send it again`,
    invalidLine: (line: number, why: string) => `line ${line}: ${why}`,
    more: (n: number) => `…and ${count(n)} more`,
    ignoredColumns: () => "Columns of an export, not imported",
    unknownColumns: () => "Unknown columns, not imported (rename them to a field to import them)",
    unknownOwners: () => "Names in 负责业务员 that are nobody here",
    confirmLabel: (n: number) => `Import ${count(n)}`,
    cancelLabel: () => "Cancel",
    footer: (hours: number) => `Confirm creates exactly the rows listed to create, all or none; duplicates and mistakes are skipped. You can also reply yes. This dry run expires in ${hours} h.`,
    nothingToCreate: () => "Nothing to create: every row is a duplicate or has a mistake.",
    checking: (file: string, rows: number) => `${file}: ${count(rows)} rows read; checking them against the workspace…`,
    progress: (written: number, total: number) => `Importing: ${count(written)} of ${count(total)} rows… (they are saved together at the end)`,
    done: (n: number, from: number, to: number) => `Imported ${customers(n)} (#${from}–#${to}). They are due on their grade's cadence from today.`,
    cancelled: () => "Import cancelled; nothing was written.",
    doneTitle: (file: string) => `Imported: ${file}`,
    cancelledTitle: (file: string) => `Import cancelled: ${file}`,
  },
  export: {
    done: (n: number, file: string) => `Exported ${customers(n)}: ${file}`,
    none: () => "No customers to export yet.",
    sheet: () => "Customers",
    savedTo: (path: string) => `Saved to ${path}`,
  },
  /** Export-only columns; read back as "ignored" by an import. */
  exportHeaders: {
    number: "No.", lastTouch: "Last touch", nextDue: "Next due", orders: "Orders", orderTotal: "Order total", created: "Created",
  },
};
