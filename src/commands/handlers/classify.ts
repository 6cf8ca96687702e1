import { fail } from "../../errors.ts";
import { findCustomer } from "../../customers/find-customer.ts";
import { replyWithCustomer } from "../../customers/customer-view.ts";
import { classLabel } from "../../customers/playbook-terms.ts";
import { moveCustomer, resolveClassification, type Moved } from "../../operations/index.ts";
import type { CommandContext, CommandHandler } from "../context.ts";
import { refuseUnread } from "../unread.ts";
import { forceRequested } from "../../customers/stage-prerequisites.ts";

/** `grade <ref> <grade>` */
export const grade: CommandHandler = async (command, ctx) => {
  const customer = await findCustomer(ctx, command.words[0]?.value);
  const word = command.words[1]?.value;
  if (!word) fail("missing_grade", (m) => m.errors.missingGrade());
  refuseUnread(command, 2);
  return moved(ctx, await moveCustomer(ctx, customer, resolveClassification(ctx, customer, undefined, word)));
};

/** `stage <ref> <stage> [grade]` — into won it is a win with an unknown amount; out of lost, a reactivation. */
export const stage: CommandHandler = async (command, ctx) => {
  const customer = await findCustomer(ctx, command.words[0]?.value);
  const word = command.words[1]?.value;
  if (!word) fail("missing_stage", (m) => m.errors.missingStage());
  refuseUnread(command, 3, { pairs: true });
  const target = resolveClassification(ctx, customer, word, command.words[2]?.value);
  return moved(ctx, await moveCustomer(ctx, customer, target, { force: forceRequested(command.pairs) }));
};

export function moved(ctx: CommandContext, { customer, cadence }: Moved) {
  const label = classLabel(ctx.playbook, customer.stage, customer.grade, ctx.caller.locale);
  return replyWithCustomer(ctx, customer, ctx.caller.m.classify.done(customer.number, label), { cadence });
}
