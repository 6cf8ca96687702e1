import { randomUUID } from "node:crypto";
import { sqlTimestamp } from "../db/direct-sql.ts";
import { PrismaNamespace, type Customer, type Tx } from "../db/types.ts";
import { isTouchChannel, type ActivityKind } from "../domain/channels.ts";
import { fail } from "../errors.ts";
import { refreshCadence, touchesFromJson, touchesJsonSql } from "../customers/cadence-store.ts";
import type { ChannelTouches } from "../playbook/cadence.ts";
import { dueAnsweredByTouch } from "../customers/touch-due.ts";
import { assertMayChange, type OperationContext } from "./context.ts";
import type { Moved } from "./reclassify.ts";

export const MAX_NOTE = 4000;

/**
 * Records a call, SMS, visit, email, WeChat message or a note; a touch restarts its channel's
 * cadence. `also`: more columns read with the customer's update (see refreshCadence).
 */
export async function recordTouch(
  ctx: OperationContext,
  customer: Customer,
  /** `touches`: the customer's touches before this one, when read with it. */
  input: { kind: ActivityKind; note: string; touches?: ChannelTouches[] },
  also?: { columns: PrismaNamespace.Sql; names: readonly string[] },
): Promise<Moved & { also?: Record<string, unknown> }> {
  assertMayChange(ctx.caller, customer);
  const { tx, now } = ctx;
  const note = input.note.trim();
  if (!note) fail("missing_note", (m) => m.errors.missingNote(m.channels[input.kind]));
  if (note.length > MAX_NOTE) fail("note_too_long", (m) => m.errors.tooLong(m.fields.note, MAX_NOTE));
  const answered = await dueAnsweredByTouch(tx, ctx.playbook, customer, input.kind, now, input.touches);
  const row = { workspaceId: customer.workspaceId, customerId: customer.id, userId: ctx.caller.user.id, channel: input.kind, content: note, at: now, ...answered };
  if (!isTouchChannel(input.kind)) {
    await insertActivity(tx, row);
    return refreshCadence(tx, ctx.playbook, customer, undefined, also);
  }
  return refreshCadence(tx, ctx.playbook, customer, { lastTouchAt: now, touches: await insertTouch(tx, customer, row) }, also);
}

type ActivityRow = { workspaceId: string; customerId: string; userId: string; channel: string; content: string; at: Date; dueAt: Date | null; overdueAt: Date | null };


/**
 * The activity's row, as `tx.activity.create` would write it (a new uuid, `createdAt` now), in a
 * raw statement: the ORM's create costs three times the CPU, on the command reps type most.
 */
function insertSql(a: ActivityRow) {
  return PrismaNamespace.sql`
    INSERT INTO "Activity" ("id", "workspaceId", "customerId", "userId", "channel", "content", "at", "dueAt", "overdueAt", "createdAt")
    VALUES (${randomUUID()}, ${a.workspaceId}, ${a.customerId}, ${a.userId}, ${a.channel}, ${a.content}, ${sqlTimestamp(a.at)}::timestamp(3),
            ${sqlTimestamp(a.dueAt)}::timestamp(3), ${sqlTimestamp(a.overdueAt)}::timestamp(3), ${new Date().toISOString()}::timestamp(3))`;
}

async function insertActivity(tx: Tx, a: ActivityRow): Promise<void> {
  await tx.$executeRaw(insertSql(a));
}

/** Records a touch and reads the customer's touches with it, in one statement (one round trip fewer on every `log`). */
async function insertTouch(tx: Tx, customer: Customer, a: ActivityRow): Promise<ChannelTouches[]> {
  const sql = PrismaNamespace.sql;
  const [row] = await tx.$queryRaw<{ touches: unknown }[]>`
    WITH "added" AS (${insertSql(a)} RETURNING "channel", "at")
    SELECT ${touchesJsonSql(sql`${customer.id}`, sql`${customer.stageEnteredAt.toISOString()}::timestamp(3)`, sql`"added"`)} AS "touches"`;
  return touchesFromJson(row?.touches);
}
