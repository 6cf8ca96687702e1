import type { SubcommandName } from "../subcommands.ts";
import type { CommandHandler } from "../context.ts";
import { add } from "./add.ts";
import { assign } from "./assign.ts";
import { claim, pool, release } from "./pool.ts";
import { yes } from "./yes.ts";
import { nudge } from "./nudge.ts";
import { grade, stage } from "./classify.ts";
import { lost, order, won } from "./deal.ts";
import { due } from "./due.ts";
import { edit } from "./edit.ts";
import { approve, file, reject } from "./filing.ts";
import { help } from "./help.ts";
import { exportCustomers } from "./export.ts";
import { importFile } from "./import.ts";
import { lang } from "./lang.ts";
import { list } from "./list.ts";
import { log } from "./log.ts";
import { report } from "./report.ts";
import { role } from "./role.ts";
import { show } from "./show.ts";
import { setup } from "./setup.ts";
import { snooze } from "./snooze.ts";
import { target } from "./target.ts";

export const HANDLERS: Record<SubcommandName, CommandHandler> = {
  add, list, show, edit, log, grade, stage, won, order, lost, snooze, due, file, approve, reject, role, lang, setup, report, target, help, assign, release, pool, claim, yes, nudge,
  import: importFile, export: exportCustomers,
};
