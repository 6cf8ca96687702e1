import { randomUUID } from "node:crypto";
import { PrismaNamespace, type Customer, type Tx } from "../db/types.ts";
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
  await insertActivity(tx, { workspaceId: customer.workspaceId, customerId: customer.id, userId: ctx.caller.user.id, channel: input.kind, content: note, at: now, ...answered });
  return refreshCadence(tx, ctx.playbook, customer, isTouchChannel(input.kind) ? { lastTouchAt: now } : undefined);
}

/**
 * The touch's row, as `tx.activity.create` would write it (a new uuid, `createdAt` now) in a
 * raw statement: the ORM's create costs three times the CPU, on the command reps type most.
 */
async function insertActivity(
  tx: Tx,
  a: { workspaceId: string; customerId: string; userId: string; channel: string; content: string; at: Date; dueAt: Date | null; overdueAt: Date | null },
): Promise<void> {
  const at = (date: Date | null) => (date ? date.toISOString() : null);
  await tx.$executeRaw(PrismaNamespace.sql`
    INSERT INTO "Activity" ("id", "workspaceId", "customerId", "userId", "channel", "content", "at", "dueAt", "overdueAt", "createdAt")
    VALUES (${randomUUID()}, ${a.workspaceId}, ${a.customerId}, ${a.userId}, ${a.channel}, ${a.content}, ${at(a.at)}::timestamp(3),
            ${at(a.dueAt)}::timestamp(3), ${at(a.overdueAt)}::timestamp(3), ${new Date().toISOString()}::timestamp(3))`);
}
