import type { Database } from "../src/db/database.ts";
import { TOUCH_CHANNELS } from "../src/domain/channels.ts";
import type { Playbook } from "../src/playbook/playbook.schema.ts";
import { iso } from "./seed.ts";

/**
 * The floors: one hand-written statement per case returning the same rows, straight through
 * the driver — what the database itself costs, with nothing of ours around it.
 */

const TOUCHES = `(SELECT json_agg(json_build_object('channel', t."channel", 'lastAt', t."lastAt", 'count', t."count"))
                    FROM (SELECT a."channel", max(a."at") AS "lastAt", count(*) FILTER (WHERE a."at" >= d."stageEnteredAt") AS "count"
                            FROM "Activity" a WHERE a."customerId" = d."id" AND a."channel" = ANY($4::text[]) GROUP BY a."channel") t)`;

/** The list's order for the default playbook: overdue, the later stage (its list: potential … won, lost), the better grade, the longest waiting. */
const RANK = `coalesce(c."overdueAt" <= $5, false) DESC,
              CASE c."stage" WHEN 'lost' THEN 0 WHEN 'won' THEN 1 WHEN 'selection' THEN 2 WHEN 'intention' THEN 3 WHEN 'potential' THEN 4 ELSE 5 END,
              CASE c."grade" WHEN 'A' THEN 1 WHEN 'B' THEN 2 WHEN 'C' THEN 3 WHEN 'D' THEN 4 ELSE 0 END,
              c."nextDueAt", c."number"`;

/** A rep's due customers: the first `limit` in the list's order with the counts, each with its per-channel touches. */
const DUE = (owner: string, limit: number) => `
  SELECT d.*, ${TOUCHES} AS "touches"
    FROM (SELECT c.*, count(*) OVER () AS "total", count(*) FILTER (WHERE c."overdueAt" <= $5) OVER () AS "overdue"
            FROM "Customer" c WHERE c."workspaceId" = $1 AND c."ownerId" = ${owner} AND c."nextDueAt" <= $3
           ORDER BY ${RANK} LIMIT ${limit}) d`;

/** One rep's first due customers in the list's order, with the counts and each one's per-channel touches. */
export function dueListFloor(db: Database, workspaceId: string, ownerId: string, endOfDay: Date, now: Date, limit: number) {
  return db.query(DUE("$2", limit), [workspaceId, ownerId, iso(endOfDay), [...TOUCH_CHANNELS], iso(now)]);
}

/** Every rep's first due customers, with the counts and touches: what the morning job composes from. */
export function morningFloor(db: Database, workspaceId: string, endOfDay: Date, now: Date, limit: number) {
  return db.query(
    `SELECT u."id" AS "rep", l.* FROM "User" u CROSS JOIN LATERAL (${DUE(`u."id"`, limit)}) l
      WHERE u."workspaceId" = $1 AND $2::text IS NOT NULL`,
    [workspaceId, "all", iso(endOfDay), [...TOUCH_CHANNELS], iso(now)],
  );
}

/**
 * Every number and list of the weekly summary, aggregated by the database in one statement: the
 * same data `computeWeeklySummary` returns (funnel, moves, the standing orders' figures, lost
 * reasons, ownership, compliance (due touches on time, late, still owed: a past week's) and
 * overdue per rep with names, pending filings, tracked).
 */
export function weeklyFloor(db: Database, playbook: Playbook, workspaceId: string, week: { start: Date; end: Date }, now: Date) {
  const lost = playbook.stages.filter((s) => s.kind === "lost").map((s) => s.id);
  const trackedStages = playbook.stages.filter((s) => s.tracked).map((s) => s.id);
  const trackedPairs = playbook.stages.flatMap((s) => (s.tracked ? [] : s.trackedGrades.map((g) => `${s.id}/${g}`)));
  return db.query(
    `WITH standing AS (SELECT o."customerId", o."kind", o."amount", o."at" FROM "Order" o
                        WHERE o."workspaceId" = $1 AND o."at" < $3 AND (o."cancelledAt" IS NULL OR o."cancelledAt" >= $3)),
          per_customer AS (SELECT "customerId", count(*) AS "orders", min("at") AS "firstAt" FROM standing GROUP BY 1)
     SELECT
       (SELECT json_agg(g) FROM (SELECT "stage", "grade", count(*) FROM "Customer" WHERE "workspaceId" = $1 GROUP BY 1, 2) g) AS "funnel",
       (SELECT json_agg(m) FROM (SELECT "fromStage", "fromGrade", "toStage", "toGrade", "lossKind", count(*) FROM "StageChange"
                                  WHERE "workspaceId" = $1 AND "at" >= $2 AND "at" < $3 GROUP BY 1, 2, 3, 4, 5) m) AS "moves",
       (SELECT json_build_object(
          'weekWon', count(*) FILTER (WHERE "kind" = 'win' AND "at" >= $2), 'weekOrders', count(*) FILTER (WHERE "at" >= $2),
          'weekRevenue', sum("amount") FILTER (WHERE "at" >= $2), 'revenue', sum("amount"), 'priced', count("amount"),
          'won', (SELECT count(*) FROM per_customer), 'repeat', (SELECT count(*) FROM per_customer WHERE "orders" >= 2),
          'cycle', (SELECT sum(extract(epoch FROM p."firstAt" - c."createdAt")) FROM per_customer p JOIN "Customer" c ON c."id" = p."customerId"))
          FROM standing) AS "closed",
       (SELECT json_build_object('count', count(*), 'amount', sum("amount")) FROM "Order"
         WHERE "workspaceId" = $1 AND "cancelledAt" >= $2 AND "cancelledAt" < $3) AS "cancelled",
       (SELECT count(*) FROM "Customer" WHERE "workspaceId" = $1 AND "createdAt" < $3) AS "leads",
       (SELECT json_agg(l) FROM (SELECT "lostReason", count(*) FROM "StageChange"
                                  WHERE "workspaceId" = $1 AND "at" >= $2 AND "at" < $3 AND "toStage" = ANY($5::text[]) GROUP BY 1) l) AS "lost",
       (SELECT json_build_object('released', count(*) FILTER (WHERE "toOwnerId" IS NULL), 'claimed', count(*) FILTER (WHERE "fromOwnerId" IS NULL),
                                 'handovers', count(*) FILTER (WHERE "fromOwnerId" IS NOT NULL AND "toOwnerId" IS NOT NULL),
                                 'escalated', (SELECT count(*) FROM "Customer" WHERE "workspaceId" = $1 AND "escalatedAt" >= $2 AND "escalatedAt" < $3))
          FROM "OwnerChange" WHERE "workspaceId" = $1 AND "at" >= $2 AND "at" < $3) AS "ownership",
       (SELECT json_agg(r) FROM (SELECT u."displayName", coalesce(a."onTime", 0) AS "onTime", coalesce(a."late", 0) AS "late", coalesce(o."owed", 0) AS "owed"
                                   FROM (SELECT "userId", count(*) FILTER (WHERE "at" < "overdueAt") AS "onTime", count(*) FILTER (WHERE "at" >= "overdueAt") AS "late"
                                           FROM "Activity" WHERE "workspaceId" = $1 AND "at" >= $2 AND "at" < $3 AND "dueAt" IS NOT NULL GROUP BY 1) a
                                   FULL JOIN (SELECT "ownerId" AS "userId", count(*) AS "owed" FROM "Customer"
                                               WHERE "workspaceId" = $1 AND "pooledAt" IS NULL AND "overdueAt" < $3 GROUP BY 1) o ON o."userId" = a."userId"
                                   JOIN "User" u ON u."id" = coalesce(a."userId", o."userId")) r) AS "compliance",
       (SELECT json_agg(o) FROM (SELECT u."displayName", count(*) FROM "Customer" c JOIN "User" u ON u."id" = c."ownerId"
                                  WHERE c."workspaceId" = $1 AND c."overdueAt" <= $4 GROUP BY u."id", u."displayName") o) AS "overdue",
       (SELECT json_agg(p ORDER BY p."filedAt", p."number") FROM (SELECT c."number", c."company", u."displayName", c."filedAt" FROM "Customer" c JOIN "User" u ON u."id" = c."ownerId"
                                  WHERE c."workspaceId" = $1 AND c."filingStatus" = 'pending') p) AS "pending",
       (SELECT json_agg(t ORDER BY t."number") FROM (SELECT c."number", c."company", c."stage", c."grade", u."displayName", c."lastTouchAt", c."nextDueAt", c."overdueAt" <= $4 AS "overdue"
                                   FROM "Customer" c JOIN "User" u ON u."id" = c."ownerId"
                                  WHERE c."workspaceId" = $1 AND (c."stage" = ANY($6::text[]) OR c."stage" || '/' || c."grade" = ANY($7::text[]))) t) AS "tracked"`,
    [workspaceId, iso(week.start), iso(week.end), iso(now), lost, trackedStages, trackedPairs],
  );
}
