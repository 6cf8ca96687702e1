import { fail } from "../../errors.ts";
import { findPerson } from "../../crm/people.ts";
import { findCustomer } from "../../customers/find-customer.ts";
import { replyWithCustomer } from "../../customers/customer-view.ts";
import { assertDirector, changeOwner, handOverAll } from "../../operations/index.ts";
import { card, cardReply, textReply } from "../../reply.ts";
import type { CommandHandler } from "../context.ts";
import { awaitYes } from "../pending.ts";

const ALL = new Set(["all", "全部", "所有"]);
const CONFIRM = new Set(["confirm", "确认", "yes", "是"]);

/**
 * `assign <ref> @rep [reason]` (转交) hands one customer over; `assign all @from @to` hands over
 * everything a leaving rep owns: first a dry run with the count, then `assign all @from @to confirm`
 * (the button, or `yes`).
 */
export const assign: CommandHandler = async (command, ctx) => {
  assertDirector(ctx.caller);
  const { m } = ctx.caller;
  const [first, second, third, fourth] = command.words.map((w) => w.value);
  if (!first || !second) fail("usage", (m) => m.errors.assignUsage());
  if (ALL.has(first.toLowerCase())) {
    if (!third) fail("usage", (m) => m.errors.assignUsage());
    if (command.words.length > 4 || (fourth !== undefined && !CONFIRM.has(fourth.toLowerCase()))) {
      fail("usage", (m) => m.errors.unreadWords(command.words.slice(3).map((w) => w.value).join(" ")));
    }
    const from = await findPerson(ctx.tx, ctx.caller.workspace.id, second);
    const to = await findPerson(ctx.tx, ctx.caller.workspace.id, third);
    if (fourth !== undefined) {
      const moved = await handOverAll(ctx, from, to);
      return textReply(m.handover.allDone(moved, from.displayName, to.displayName));
    }
    const count = await ctx.tx.customer.count({ where: { workspaceId: ctx.caller.workspace.id, ownerId: from.id, pooledAt: null } });
    if (count === 0) return textReply(m.handover.nothingToMove(from.displayName));
    const confirm = `assign all @${from.externalId} @${to.externalId} confirm`;
    await awaitYes(ctx, confirm);
    const text = m.handover.dryRun(count, from.displayName, to.displayName);
    return cardReply(text, [card(text, { actions: [{ kind: "run", label: m.handover.confirmButton(count), command: confirm, style: "primary" }] })]);
  }
  const customer = await findCustomer(ctx, first);
  const to = await findPerson(ctx.tx, ctx.caller.workspace.id, second);
  const moved = await changeOwner(ctx, customer, to, command.restAfter(2));
  return replyWithCustomer(ctx, moved, m.handover.done(moved.number, to.displayName));
};
