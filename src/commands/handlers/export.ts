import { seesWholeTeam } from "../../crm/roles.ts";
import { fail } from "../../errors.ts";
import { exportTable } from "../../export/export-table.ts";
import { writeCsv, writeXlsx } from "../../export/write-files.ts";
import { localDateAndTime } from "../../format/dates.ts";
import { textReply } from "../../reply.ts";
import type { CommandHandler } from "../context.ts";

const SCOPES: Record<string, "mine" | "team"> = { mine: "mine", 我的: "mine", 自己: "mine", team: "team", 团队: "team", 全部: "team", all: "team" };
const FORMATS: Record<string, "csv" | "xlsx"> = { csv: "csv", xlsx: "xlsx", excel: "xlsx", xls: "xlsx" };

/**
 * `export [mine|team] [csv|xlsx]`: a rep's own customers, a director's team by default, as a
 * file in the reply. Every word must be understood: `export tema` is refused, not read as mine.
 */
export const exportCustomers: CommandHandler = async (command, ctx) => {
  const { caller, tx, playbook, now } = ctx;
  const { m } = caller;
  const director = seesWholeTeam(caller.user.role);
  let scope: "mine" | "team" = director ? "team" : "mine";
  let format: "csv" | "xlsx" = "xlsx";
  for (const { value } of command.words) {
    const word = value.toLowerCase();
    if (SCOPES[word]) scope = SCOPES[word];
    else if (FORMATS[word]) format = FORMATS[word];
    else fail("usage", (m) => m.transfer.errors.exportWhat(value));
  }
  if (command.pairs.length > 0) {
    const word = `${command.pairs[0]!.key}=${command.pairs[0]!.value}`;
    fail("usage", (m) => m.transfer.errors.exportWhat(word));
  }
  if (scope === "team" && !director) fail("forbidden", (m) => m.transfer.errors.teamForReps());
  const where = scope === "team" ? { workspaceId: caller.workspace.id } : { workspaceId: caller.workspace.id, ownerId: caller.user.id };
  const table = await exportTable(tx, playbook, caller, where);
  if (table.rows.length === 0) return textReply(m.transfer.export.none());
  const { date } = localDateAndTime(now, caller.timeZone);
  const name = `customers-${scope}-${date.replace(/-/g, "")}.${format}`;
  const bytes = format === "csv" ? writeCsv(table) : await writeXlsx(table, m.transfer.export.sheet());
  const mimeType = format === "csv" ? "text/csv" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  return { ...textReply(m.transfer.export.done(table.rows.length, name)), files: [{ name, mimeType, data: Buffer.from(bytes) }] };
};
