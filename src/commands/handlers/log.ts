import { ACTIVITY_KINDS, findActivityKind, isTouchChannel } from "../../domain/channels.ts";
import { fail } from "../../errors.ts";
import { refreshCadence } from "../../customers/cadence-store.ts";
import { findCustomer } from "../../customers/find-customer.ts";
import { replyWithCustomer } from "../../customers/customer-view.ts";
import type { CommandHandler } from "../context.ts";

const MAX_NOTE = 4000;

/** `log <ref> call|sms|visit|email|wechat|note <what happened>` */
export const log: CommandHandler = async (command, ctx) => {
  const { tx, caller, now } = ctx;
  const customer = await findCustomer(ctx, command.words[0]?.value);
  const word = command.words[1]?.value;
  if (!word) fail("missing_channel", (m) => m.errors.missingChannel([...ACTIVITY_KINDS]));
  const kind = findActivityKind(word);
  if (!kind) fail("bad_channel", (m) => m.errors.badChannel(word, [...ACTIVITY_KINDS]));
  const note = command.restAfter(2).trim();
  if (!note) fail("missing_note", (m) => m.errors.missingNote(m.channels[kind]));
  if (note.length > MAX_NOTE) fail("note_too_long", (m) => m.errors.tooLong(m.fields.note, MAX_NOTE));
  await tx.activity.create({
    data: { workspaceId: customer.workspaceId, customerId: customer.id, userId: caller.user.id, channel: kind, content: note, at: now },
  });
  const touched = isTouchChannel(kind)
    ? await tx.customer.update({ where: { id: customer.id }, data: { lastTouchAt: now } })
    : customer;
  const { customer: updated, cadence } = await refreshCadence(tx, ctx.playbook, touched);
  return replyWithCustomer(ctx, updated, caller.m.log.done(caller.m.channels[kind], updated.number), { cadence });
};
