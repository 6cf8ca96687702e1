import type { Customer } from "../db/types.ts";
import { isTouchChannel, type ActivityKind } from "../domain/channels.ts";
import { fail } from "../errors.ts";
import { refreshCadence } from "../customers/cadence-store.ts";
import { dueAnsweredByTouch } from "../customers/touch-due.ts";
import { assertMayChange, type OperationContext } from "./context.ts";
import type { Moved } from "./reclassify.ts";

export const MAX_NOTE = 4000;

/** Records a call, SMS, visit, email, WeChat message or a note; a touch restarts its channel's cadence. */
export async function recordTouch(ctx: OperationContext, customer: Customer, input: { kind: ActivityKind; note: string }): Promise<Moved> {
  assertMayChange(ctx.caller, customer);
  const { tx, now } = ctx;
  const note = input.note.trim();
  if (!note) fail("missing_note", (m) => m.errors.missingNote(m.channels[input.kind]));
  if (note.length > MAX_NOTE) fail("note_too_long", (m) => m.errors.tooLong(m.fields.note, MAX_NOTE));
  const answered = await dueAnsweredByTouch(tx, ctx.playbook, customer, input.kind, now);
  await tx.activity.create({
    data: { workspaceId: customer.workspaceId, customerId: customer.id, userId: ctx.caller.user.id, channel: input.kind, content: note, at: now, ...answered },
  });
  const touched = isTouchChannel(input.kind) ? await tx.customer.update({ where: { id: customer.id }, data: { lastTouchAt: now } }) : customer;
  return refreshCadence(tx, ctx.playbook, touched);
}
