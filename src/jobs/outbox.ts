import { hostname } from "node:os";
import type { Prisma, SqlQuery } from "../db/database.ts";
import { queryRows } from "../db/direct-sql.ts";
import { PrismaNamespace } from "../db/types.ts";
import type { Reply } from "../reply.ts";
import { fromStoredPayload, toStoredPayload } from "./outbox-payload.ts";
import { chunked } from "../chunked.ts";

export type OutboxTarget = { kind: "user"; userId: string } | { kind: "channel"; channelId: string };

export interface OutboxEntry {
  workspaceId: string;
  /** The platform's workspace id, which the messenger needs. */
  job: string;
  period: string;
  platform: string;
  target: OutboxTarget;
  /** null: nothing to send this period, but the decision is recorded so later ticks do not reconsider. */
  reply: Reply | null;
}

export interface ClaimedMessage {
  id: string;
  workspaceId: string;
  job: string;
  period: string;
  recipient: string;
  platform: string;
  target: OutboxTarget;
  payload: Reply;
  attempts: number;
  /** It was being sent when its sender stopped: it may already have arrived. */
  resumed: boolean;
}

export function recipientKey(target: OutboxTarget): string {
  return target.kind === "user" ? `user:${target.userId}` : `channel:${target.channelId}`;
}

/**
 * Records a message before anything is sent. The unique key (workspace, job, period,
 * recipient) makes this the moment of truth: whoever inserts first owns the message; a rerun,
 * a second replica or a restarted process inserts nothing. Returns whether this call added it.
 */
export async function enqueue(prisma: Prisma, entry: OutboxEntry, now: Date): Promise<boolean> {
  const rows = await prisma.$executeRaw`
    INSERT INTO "OutboxMessage" ("id", "workspaceId", "job", "period", "recipient", "platform", "target", "payload", "status", "nextAttemptAt")
    VALUES (gen_random_uuid()::text, ${entry.workspaceId}, ${entry.job}, ${entry.period}, ${recipientKey(entry.target)}, ${entry.platform},
            ${JSON.stringify(entry.target)}::jsonb, ${entry.reply === null ? null : JSON.stringify(toStoredPayload(entry.reply))}::json,
            ${entry.reply === null ? "skipped" : "pending"}, ${now})
    ON CONFLICT ("workspaceId", "job", "period", "recipient") DO NOTHING`;
  return rows > 0;
}

/**
 * Records many messages in one multi-row insert, on the same unique key as `enqueue`. Returns the
 * entries this call added (`recipient` keys of the rows inserted, by period); the others were
 * already there.
 */
export async function enqueueMany(prisma: Prisma, entries: OutboxEntry[], now: Date, sql?: SqlQuery): Promise<Set<string>> {
  const added = new Set<string>();
  for (const chunk of chunked(entries, ENQUEUE_CHUNK)) {
    // One parameter per value, each payload its own JSON text: PostgreSQL then only validates each
    // payload, where reading them out of one JSON document (json_to_recordset) parsed every nested
    // card into a record — twice the insert's time for a morning's lists. Through the bare driver
    // when given: Prisma takes ~0.1 ms per KiB of parameter.
    const params: unknown[] = [now.toISOString()];
    const rows = chunk.map((e) => {
      const at = params.push(e.workspaceId, e.job, e.period, recipientKey(e.target), e.platform, JSON.stringify(e.target), e.reply === null ? null : JSON.stringify(toStoredPayload(e.reply)));
      return `($${at - 6}, $${at - 5}, $${at - 4}, $${at - 3}, $${at - 2}, $${at - 1}::jsonb, $${at}::json)`;
    });
    const text = insertMany(rows.join(", "));
    const inserted = (sql ? await sql(text, params) : await prisma.$queryRawUnsafe(text, ...params)) as OutboxKeyRow[];
    for (const row of inserted) added.add(outboxKey(row));
  }
  return added;
}

type OutboxKeyRow = { workspaceId: string; job: string; period: string; recipient: string };

const insertMany = (values: string) => `
  INSERT INTO "OutboxMessage" ("id", "workspaceId", "job", "period", "recipient", "platform", "target", "payload", "status", "nextAttemptAt")
  SELECT gen_random_uuid()::text, e."workspaceId", e."job", e."period", e."recipient", e."platform", e."target", e."payload",
         CASE WHEN e."payload" IS NULL THEN 'skipped' ELSE 'pending' END, $1::timestamp(3)
    FROM (VALUES ${values}) AS e("workspaceId", "job", "period", "recipient", "platform", "target", "payload")
  ON CONFLICT ("workspaceId", "job", "period", "recipient") DO NOTHING
  RETURNING "workspaceId", "job", "period", "recipient"`;

// Bounds one statement's size (a morning list is a few KiB of JSON) and its parameters (7 a row,
// PostgreSQL takes 65,535) without costing round trips.
const ENQUEUE_CHUNK = 2_000;

export function outboxKey(row: { workspaceId: string; job: string; period: string; recipient: string }): string {
  return `${row.workspaceId}\u0000${row.job}\u0000${row.period}\u0000${row.recipient}`;
}

/** Which of these (period, recipient) pairs of one job already have a row, in one query. */
export async function recordedKeys(
  prisma: Prisma,
  workspaceId: string,
  job: string,
  wanted: { period: string; target: OutboxTarget }[],
): Promise<Set<string>> {
  if (wanted.length === 0) return new Set();
  const rows = await queryRows<{ workspaceId: string; job: string; period: string; recipient: string }>(prisma, PrismaNamespace.sql`
    SELECT "workspaceId", "job", "period", "recipient" FROM "OutboxMessage"
     WHERE "workspaceId" = ${workspaceId} AND "job" = ${job}
       AND "period" = ANY(${[...new Set(wanted.map((w) => w.period))]}::text[]) AND "recipient" = ANY(${wanted.map((w) => recipientKey(w.target))}::text[])`);
  return new Set(rows.map(outboxKey));
}

export async function alreadyRecorded(prisma: Prisma, workspaceId: string, job: string, period: string, target: OutboxTarget): Promise<boolean> {
  const row = await prisma.outboxMessage.findUnique({
    where: { workspaceId_job_period_recipient: { workspaceId, job, period, recipient: recipientKey(target) } },
    select: { id: true },
  });
  return row !== null;
}

/**
 * Takes one message that is due to be sent, or whose sender died mid-send (its lease ran
 * out), and leases it to this process — only for platforms this process can reach, so a
 * replica without the Feishu adapter leaves Feishu messages to one that has it. SKIP LOCKED lets replicas share the queue without
 * waiting on each other or taking the same row.
 */
export async function claimNext(
  prisma: Prisma,
  now: Date,
  leaseMs: number,
  only: { platforms: string[]; workspaceIds?: string[] },
): Promise<ClaimedMessage | null> {
  const leaseUntil = new Date(now.getTime() + leaseMs);
  const ids = only.workspaceIds ?? null;
  const rows = await prisma.$queryRaw<Record<string, unknown>[]>`
    UPDATE "OutboxMessage" AS o
       SET "status" = 'sending', "lockedUntil" = ${leaseUntil}, "lockedBy" = ${SENDER}, "attempts" = o."attempts" + 1
      FROM (SELECT "id", "status" AS "previousStatus" FROM "OutboxMessage"
             WHERE (("status" = 'pending' AND "nextAttemptAt" <= ${now}) OR ("status" = 'sending' AND "lockedUntil" < ${now}))
               AND "platform" = ANY(${only.platforms}::text[])
               AND (${ids}::text[] IS NULL OR "workspaceId" = ANY(${ids}::text[]))
             ORDER BY "nextAttemptAt" LIMIT 1
             FOR UPDATE SKIP LOCKED) AS picked
     WHERE o."id" = picked."id"
    RETURNING o."id", o."workspaceId", o."job", o."period", o."recipient", o."platform", o."target", o."payload", o."attempts", picked."previousStatus"`;
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.id as string,
    workspaceId: row.workspaceId as string,
    job: row.job as string,
    period: row.period as string,
    recipient: row.recipient as string,
    platform: row.platform as string,
    target: row.target as OutboxTarget,
    payload: fromStoredPayload(row.payload),
    attempts: Number(row.attempts),
    resumed: row.previousStatus === "sending",
  };
}

/**
 * Which platform and workspace the next due message is for, without claiming it: the sender
 * waits for its slot in that scope's pace first, so that no message is held "sending" while it
 * only waits its turn (a crash would then have it looked up as possibly sent).
 */
export async function peekNext(prisma: Prisma, now: Date, only: { platforms: string[]; workspaceIds?: string[] }): Promise<{ platform: string; workspaceId: string } | null> {
  const ids = only.workspaceIds ?? null;
  const rows = await prisma.$queryRaw<{ platform: string; workspaceId: string }[]>`
    SELECT "platform", "workspaceId" FROM "OutboxMessage"
     WHERE (("status" = 'pending' AND "nextAttemptAt" <= ${now}) OR ("status" = 'sending' AND "lockedUntil" < ${now}))
       AND "platform" = ANY(${only.platforms}::text[])
       AND (${ids}::text[] IS NULL OR "workspaceId" = ANY(${ids}::text[]))
     ORDER BY "nextAttemptAt" LIMIT 1`;
  return rows[0] ?? null;
}

/** Who is sending, as the rows record it: this host and process. */
const SENDER = `${hostname()}:${process.pid}`;

/**
 * A restart after a crash should not wait out the lease of its own dead predecessor: rows
 * leased by a process of this host that no longer runs are released at once (and, being
 * "sending", are resumed with the flag that lets the messenger check for a copy that arrived).
 * Other hosts' rows wait for their lease: we cannot see their processes.
 */
export async function releaseDeadLocalLeases(prisma: Prisma, now: Date): Promise<number> {
  const prefix = `${hostname()}:`;
  const rows = await prisma.outboxMessage.findMany({
    where: { status: "sending", lockedUntil: { gt: now }, lockedBy: { startsWith: prefix } },
    select: { id: true, lockedBy: true },
  });
  const dead = rows.filter((r) => !isRunning(Number(r.lockedBy!.slice(prefix.length))));
  if (dead.length === 0) return 0;
  const { count } = await prisma.outboxMessage.updateMany({
    where: { id: { in: dead.map((r) => r.id) }, status: "sending" },
    data: { lockedUntil: now },
  });
  return count;
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export async function markSent(prisma: Prisma, id: string, messageId: string, now: Date): Promise<void> {
  await prisma.outboxMessage.update({ where: { id }, data: { status: "sent", messageId, sentAt: now, lockedUntil: null, lockedBy: null, lastError: null } });
}

export async function markRetry(prisma: Prisma, id: string, error: string, nextAttemptAt: Date): Promise<void> {
  await prisma.outboxMessage.update({ where: { id }, data: { status: "pending", nextAttemptAt, lockedUntil: null, lockedBy: null, lastError: error } });
}

export async function markFailed(prisma: Prisma, id: string, error: string): Promise<void> {
  await prisma.outboxMessage.update({ where: { id }, data: { status: "failed", lockedUntil: null, lockedBy: null, lastError: error } });
}

/**
 * The platform said "too fast", or the pace has no slot for it within its lease: the message
 * goes back to the queue for `nextAttemptAt` without counting as an attempt — it did nothing
 * wrong, and a busy morning must not use up its retries.
 */
export async function requeueUntried(prisma: Prisma, id: string, nextAttemptAt: Date, error?: string): Promise<void> {
  await prisma.outboxMessage.update({
    where: { id },
    data: { status: "pending", nextAttemptAt, lockedUntil: null, lockedBy: null, attempts: { decrement: 1 }, ...(error ? { lastError: error } : {}) },
  });
}
