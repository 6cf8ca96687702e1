import type { Database } from "../src/db/database.ts";

export interface Seeded {
  workspaceId: string;
  externalId: string;
  reps: { id: string; externalId: string }[];
}

/**
 * A realistic workspace, set-based (1M customers in one INSERT … SELECT, never one create per
 * row): `reps` reps owning `customers` customers round-robin, ~15 due per rep (over the last
 * week, so some are overdue), the rest due over the next year; the funnel an inverted pyramid
 * (~2% won, 4% selection, 10% intention, 3% lost, the rest potential A–D); 5 touches per
 * customer, one or two stage changes each (some in the week the summary covers), 2% filings pending.
 */
export async function seedWorkspace(db: Database, options: { customers: number; reps: number; now: Date }): Promise<Seeded> {
  const { customers, reps, now } = options;
  const externalId = "bench";
  const [ws] = await db.query(`INSERT INTO "Workspace" ("id", "platform", "externalId", "name") VALUES (gen_random_uuid()::text, 'console', $1, 'Bench') RETURNING "id"`, [externalId]);
  const workspaceId = ws!.id as string;
  await db.query(
    `INSERT INTO "User" ("id", "workspaceId", "externalId", "displayName", "role", "timeZone", "locale")
     SELECT 'rep-' || i, $1, 'rep' || i, 'rep' || i, CASE WHEN i = 0 THEN 'admin' ELSE 'rep' END, 'Asia/Shanghai', CASE WHEN i % 2 = 0 THEN 'zh-CN' ELSE 'en' END
       FROM generate_series(0, $2::int - 1) AS i`,
    [workspaceId, reps],
  );
  await db.query(
    `INSERT INTO "Customer" ("id", "workspaceId", "number", "ownerId", "company", "companyKey", "contact", "mobile", "stage", "grade",
                             "filingStatus", "filedAt", "lostReason", "wonAt",
                             "classifiedAt", "stageEnteredAt", "lastTouchAt", "nextDueAt", "overdueAt", "nextDueChannel", "createdAt", "updatedAt")
     SELECT 'c-' || n, $1, n, 'rep-' || ((n - 1) % $3), 'Company ' || n, 'company' || n, 'Contact ' || n, '138' || lpad(n::text, 8, '0'),
            s.stage, s.grade,
            CASE WHEN n % 50 = 0 THEN 'pending' ELSE 'none' END, CASE WHEN n % 50 = 0 THEN entered END,
            CASE WHEN s.stage = 'lost' THEN (ARRAY['price', 'competitor', 'no-budget'])[1 + n % 3] END,
            CASE WHEN s.stage = 'won' THEN entered END,
            entered, entered, entered + interval '20 days',
            CASE WHEN s.stage = 'lost' THEN NULL WHEN due THEN $2::timestamp - ((n / $3) % 7) * interval '1 day' ELSE $2::timestamp + (1 + n % 365) * interval '1 day' END,
            CASE WHEN s.stage = 'lost' THEN NULL WHEN due THEN $2::timestamp - ((n / $3) % 7) * interval '1 day' + interval '3 days' ELSE $2::timestamp + (4 + n % 365) * interval '1 day' END,
            CASE WHEN s.stage = 'lost' THEN NULL ELSE 'call' END,
            entered - interval '10 days', $2::timestamp
       FROM generate_series(1, $4::int) AS n,
            LATERAL (SELECT (n - 1) / $3 < 15 AS due, $2::timestamp - (3 + n % 120) * interval '1 day' AS entered) AS d,
            LATERAL (SELECT CASE WHEN n % 100 < 2 THEN 'won' WHEN n % 100 < 6 THEN 'selection' WHEN n % 100 < 16 THEN 'intention'
                                 WHEN n % 100 < 19 THEN 'lost' ELSE 'potential' END AS stage) AS st,
            LATERAL (SELECT st.stage, CASE WHEN st.stage = 'potential' THEN (ARRAY['A', 'B', 'C', 'D'])[1 + n % 4]
                                           WHEN st.stage = 'intention' THEN (ARRAY['A', 'B'])[1 + n % 2] END AS grade) AS s`,
    [workspaceId, iso(now), reps, customers],
  );
  await db.query(`UPDATE "Workspace" SET "nextCustomerNo" = $2 WHERE "id" = $1`, [workspaceId, customers + 1]);
  await db.query(
    `INSERT INTO "Activity" ("id", "workspaceId", "customerId", "userId", "channel", "content", "at")
     SELECT c."id" || '-' || j, c."workspaceId", c."id", c."ownerId", (ARRAY['call', 'sms', 'visit', 'call', 'sms'])[j + 1], 'bench touch',
            c."stageEnteredAt" + (j * 5 - 8) * interval '1 day'
       FROM "Customer" c, generate_series(0, 4) AS j
      WHERE c."workspaceId" = $1`,
    [workspaceId],
  );
  await db.query(
    `INSERT INTO "Order" ("id", "workspaceId", "customerId", "userId", "kind", "amount", "at")
     SELECT c."id" || '-win', c."workspaceId", c."id", c."ownerId", 'win', 1000 + c."number" % 50000, c."wonAt"
       FROM "Customer" c WHERE c."workspaceId" = $1 AND c."stage" = 'won'`,
    [workspaceId],
  );
  await db.query(
    `INSERT INTO "StageChange" ("id", "workspaceId", "customerId", "userId", "fromStage", "toStage", "fromGrade", "toGrade", "at")
     SELECT c."id" || '-new', c."workspaceId", c."id", c."ownerId", NULL, 'potential', NULL, 'C', c."createdAt" FROM "Customer" c WHERE c."workspaceId" = $1
     UNION ALL
     SELECT c."id" || '-move', c."workspaceId", c."id", c."ownerId", 'potential', c."stage", 'C', c."grade", c."stageEnteredAt"
       FROM "Customer" c WHERE c."workspaceId" = $1 AND c."stage" <> 'potential'`,
    [workspaceId],
  );
  // VACUUM too: the visibility map lets the touches be read from the index alone, and autovacuum
  // does not start on the fresh tables in the middle of the timings.
  for (const table of ["Workspace", "User", "Customer", "Activity", "StageChange", "Order", "OutboxMessage"]) await db.query(`VACUUM (ANALYZE) "${table}"`);
  // reps[i] owns customers i + 1, i + 1 + reps, i + 1 + 2·reps …
  return { workspaceId, externalId, reps: Array.from({ length: reps }, (_, i) => ({ id: `rep-${i}`, externalId: `rep${i}` })) };
}

/** A timestamp column's value for an instant (the schema stores UTC without a zone). */
export function iso(when: Date): string {
  return when.toISOString().replace("Z", "");
}
