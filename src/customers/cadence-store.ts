import { queryRows, sqlTimestamp, withColumnsApart } from "../db/direct-sql.ts";
import type { Customer, Tx } from "../db/types.ts";
import { PrismaNamespace } from "../db/types.ts";
import { TOUCH_CHANNELS, type TouchChannel } from "../domain/channels.ts";
import { computeCadence, type CadenceResult, type ChannelTouches } from "../playbook/cadence.ts";
import { readHeldDue } from "./held-due.ts";
import type { Playbook } from "../playbook/playbook.schema.ts";

/**
 * The database only gathers the raw per-channel history (last touch, touches since the stage
 * was entered); the cadence rules stay in one place, the engine in `playbook/cadence.ts`, so the
 * due list, the morning job and a single customer's card can never disagree.
 */

/**
 * SQL for one customer's touches as a JSON array, given SQL expressions for its id and stage
 * entry. `alsoFrom` names a relation of ("channel", "at") rows counted with the stored ones: the
 * row a data-modifying WITH inserts in the same statement, which the statement cannot yet see.
 */
export function touchesJsonSql(customerId: PrismaNamespace.Sql, stageEnteredAt: PrismaNamespace.Sql, alsoFrom?: PrismaNamespace.Sql): PrismaNamespace.Sql {
  const sql = PrismaNamespace.sql;
  const channels = sql`${[...TOUCH_CHANNELS]}::text[]`;
  // Without `alsoFrom`, the plain form: the due lists run it per row shown, from the index alone.
  const source = alsoFrom
    ? sql`(SELECT "channel", "at" FROM "Activity" WHERE "customerId" = ${customerId} UNION ALL SELECT "channel", "at" FROM ${alsoFrom}) a
           WHERE a."channel" = ANY(${channels})`
    : sql`"Activity" a WHERE a."customerId" = ${customerId} AND a."channel" = ANY(${channels})`;
  return sql`(
    SELECT json_agg(json_build_object('channel', t."channel", 'lastAt', t."lastAt", 'count', t."count"))
      FROM (SELECT a."channel", max(a."at") AS "lastAt", count(*) FILTER (WHERE a."at" >= ${stageEnteredAt}) AS "count"
              FROM ${source}
             GROUP BY a."channel") t)`;
}

interface TouchRow {
  channel: string;
  lastAt: string | null;
  count: number | string;
}

/** The JSON of `touchesJsonSql` as the engine's input: every channel, untouched ones included. */
export function touchesFromJson(json: unknown): ChannelTouches[] {
  const rows = (typeof json === "string" ? JSON.parse(json) : (json ?? [])) as TouchRow[];
  return TOUCH_CHANNELS.map((channel: TouchChannel) => {
    const row = rows.find((r) => r.channel === channel);
    return {
      channel,
      // json_build_object writes a timestamp without its zone; the stored instants are UTC.
      lastAt: row?.lastAt ? utc(row.lastAt) : null,
      countSinceStageEntered: row ? Number(row.count) : 0,
    };
  });
}

function utc(timestamp: string): Date {
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(timestamp) ? timestamp : `${timestamp}Z`);
}

/** The per-channel touch history the cadence engine needs, in one statement. */
export async function readTouches(tx: Tx, customer: Customer): Promise<ChannelTouches[]> {
  const rows = await tx.$queryRaw<{ touches: unknown }[]>`
    SELECT ${touchesJsonSql(PrismaNamespace.sql`${customer.id}`, PrismaNamespace.sql`${customer.stageEnteredAt.toISOString()}::timestamp(3)`)} AS "touches"`;
  return touchesFromJson(rows[0]?.touches);
}

export function cadenceFrom(
  playbook: Playbook,
  customer: Pick<Customer, "stage" | "grade" | "classifiedAt" | "stageEnteredAt" | "snoozedUntil" | "heldDue">,
  touches: ChannelTouches[],
): CadenceResult {
  return computeCadence(playbook, {
    stage: customer.stage,
    grade: customer.grade,
    classifiedAt: customer.classifiedAt,
    stageEnteredAt: customer.stageEnteredAt,
    snoozedUntil: customer.snoozedUntil,
    touches,
    held: readHeldDue(customer.heldDue),
  }, playbook.workCalendar);
}

export async function cadenceOf(tx: Tx, playbook: Playbook, customer: Customer): Promise<CadenceResult> {
  return cadenceFrom(playbook, customer, await readTouches(tx, customer));
}

/**
 * Recomputes when the customer is next due and stores it on the row: "who is due today" is then
 * one indexed range query over `nextDueAt`, whatever the size of the customer base. `lastTouchAt`
 * is written in the same statement when a touch sets it (the cadence does not read it), with
 * the touches as read right after it was recorded, when they were. `also` names more columns
 * read in the same statement (a card's, see customer-view.ts): they come back in `also`.
 */
export async function refreshCadence(
  tx: Tx,
  playbook: Playbook,
  customer: Customer,
  touched?: { lastTouchAt: Date; touches?: ChannelTouches[] },
  also?: { columns: PrismaNamespace.Sql; names: readonly string[] },
): Promise<{ customer: Customer; cadence: CadenceResult; also?: Record<string, unknown> }> {
  const cadence = touched?.touches ? cadenceFrom(playbook, customer, touched.touches) : await cadenceOf(tx, playbook, customer);
  const sql = PrismaNamespace.sql;
  // One raw statement rather than the ORM's update: the same row back, a third of the CPU (a
  // logged call runs this on every command). `updatedAt` is set as Prisma's @updatedAt would.
  const update = sql`
    UPDATE "Customer"
       SET "nextDueAt" = ${sqlTimestamp(cadence.nextDueAt)}::timestamp(3), "nextDueChannel" = ${cadence.nextDueChannel},
           "overdueAt" = ${sqlTimestamp(cadence.overdueAt)}::timestamp(3),
           ${touched ? sql`"lastTouchAt" = ${sqlTimestamp(touched.lastTouchAt)}::timestamp(3),` : sql``}
           "updatedAt" = ${new Date().toISOString()}::timestamp(3)
     WHERE "id" = ${customer.id}
    RETURNING *`;
  const [row] = await queryRows<Record<string, unknown>>(tx, also ? sql`WITH "updated" AS (${update}) SELECT "updated".*, ${also.columns} FROM "updated"` : update);
  if (!row) throw new Error(`customer ${customer.id} vanished while its cadence was refreshed`);
  const [updated, extra] = withColumnsApart<Customer>(row, also?.names ?? []);
  return also ? { customer: updated, cadence, also: extra } : { customer: updated, cadence };
}
