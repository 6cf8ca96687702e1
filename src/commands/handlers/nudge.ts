import { findCustomer } from "../../customers/find-customer.ts";
import { actionRef } from "../../customers/customer-ref.ts";
import { notify } from "../../notices/notify.ts";
import { assertDirector, recordTouch } from "../../operations/index.ts";
import { card, textReply } from "../../reply.ts";
import type { CommandHandler } from "../context.ts";

/** `nudge <ref> [words]` (催办): a director reminds the owner by direct message; the nudge is in the history. */
export const nudge: CommandHandler = async (command, ctx) => {
  assertDirector(ctx.caller);
  const { tx, caller, now } = ctx;
  const customer = await findCustomer(ctx, command.words[0]?.value);
  const words = command.restAfter(1).trim();
  const owner = await tx.user.findUniqueOrThrow({ where: { id: customer.ownerId } });
  const title = `#${customer.number} ${customer.company}`;
  await recordTouch(ctx, customer, { kind: "note", note: caller.m.director.nudgeNote(caller.user.displayName, words) });
  const ref = actionRef(customer, caller.workspace);
  await notify(tx, caller.workspace, owner, `nudge:${customer.id}:${now.toISOString()}`, (m) => ({
    ok: true, text: m.director.nudged(caller.user.displayName, title, words),
    cards: [card(title, { actions: [
      { kind: "prompt", label: m.actions.logCall, command: `log ${ref} call`, prompt: m.actions.notePrompt, style: "primary" },
      { kind: "run", label: m.actions.open, command: `show ${ref}` },
    ] })],
  }), now);
  return textReply(caller.m.director.nudgeSent(owner.displayName, title));
};
