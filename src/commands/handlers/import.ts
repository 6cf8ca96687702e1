import { seesWholeTeam } from "../../crm/roles.ts";
import { DomainError } from "../../errors.ts";
import { IMPORT_LIMITS } from "../../import/limits.ts";
import { cancelPendingImport, claimPendingImport, savePendingImport } from "../../import/pending-import-store.ts";
import { planImport } from "../../import/plan-import.ts";
import { readTable } from "../../import/read-table.ts";
import { renderPlan } from "../../import/render-plan.ts";
import { addCustomers } from "../../operations/add-customers.ts";
import { progressMarks } from "../../import/progress.ts";
import { card, cardReply, textReply } from "../../reply.ts";
import type { CommandHandler } from "../context.ts";
import { awaitYes } from "../pending.ts";

/**
 * `import` with a file: the dry run, kept for its confirm button. `import confirm <id>` writes
 * exactly the rows that dry run listed to create, all or nothing; `import cancel <id>` drops it.
 * Without a file: how to send one.
 */
export const importFile: CommandHandler = async (command, ctx) => {
  const { caller, tx, now } = ctx;
  const { m } = caller;
  const [verb, id] = command.words.map((w) => w.value);
  if ((ctx.files?.length ?? 0) > 1) {
    const names = ctx.files!.map((f) => f.name);
    throw new DomainError("one_file", (m) => m.transfer.errors.oneFile(names));
  }
  const file = ctx.files?.[0];
  if (!file && verb && ["confirm", "确认"].includes(verb.toLowerCase()) && id) {
    const pending = await claimPendingImport(tx, caller, id, now);
    if (!seesWholeTeam(caller.user.role) && pending.rows.some((r) => r.customer.ownerId && r.customer.ownerId !== caller.user.id)) {
      throw new DomainError("forbidden", (m) => m.transfer.errors.noLongerDirector());
    }
    const total = pending.rows.length;
    const progress = ctx.progress && { at: progressMarks(total), report: (written: number) => ctx.progress!(textReply(m.transfer.import.progress(written, total))) };
    const created = await addCustomers(ctx, pending.rows.map((r) => r.customer), progress ? { progress } : {});
    const first = created[0]?.number ?? 0;
    const last = created[created.length - 1]?.number ?? 0;
    // A card of its own, so the dry run's card (and its buttons) is replaced where it was clicked.
    return cardReply(m.transfer.import.done(created.length, first, last), [card(m.transfer.import.doneTitle(pending.fileName))]);
  }
  if (!file && verb && ["cancel", "取消"].includes(verb.toLowerCase()) && id) {
    const { fileName } = await cancelPendingImport(tx, caller, id);
    return cardReply(m.transfer.import.cancelled(), [card(m.transfer.import.cancelledTitle(fileName))]);
  }
  if (!file) {
    // A path typed where no file could be read (the console could not open it).
    if (verb) {
      const path = command.restAfter(0);
      throw new DomainError("no_file", (m) => m.transfer.errors.noFile(path));
    }
    const howTo = m.transfer.import.howTo(IMPORT_LIMITS.maxRows, IMPORT_LIMITS.maxFileBytes / 1024 / 1024);
    return cardReply(howTo[0]!, [card(m.help.topics.import.summary, { sections: [{ title: "", items: howTo }] })]);
  }
  const table = await readTable(file);
  // A big file takes a few seconds to check: say it arrived and is being read.
  if (progressMarks(table.rows.length).length > 0) ctx.progress?.(textReply(m.transfer.import.checking(file.name, table.rows.length)));
  const plan = await planImport(ctx, table);
  const pendingId = plan.toCreate.length > 0 ? await savePendingImport(tx, caller, file.name, plan.toCreate, now) : undefined;
  // `yes` confirms it too, as it does every dry run (for the next ten minutes; the button for a day).
  if (pendingId) await awaitYes(ctx, `import confirm ${pendingId}`);
  return renderPlan(caller, file.name, table, plan, pendingId);
};
