/**
 * `npm run bench`: how the "who is due today" query scales with the customer base. The due
 * time is stored on each customer and indexed, so the cost should follow the rows due today,
 * not the customers a team has ever filed. Seeds 1k → 100k customers (one rep in 20 owns each),
 * keeps ~10 due today per rep, and times dueToday() for one rep. Uses DATABASE_URL when set
 * (a scratch schema is created there and dropped), else in-memory PGlite.
 */
import { performance } from "node:perf_hooks";
import { openDatabase } from "../src/db/database.ts";
import { dueToday } from "../src/customers/due-list.ts";
import { loadPlaybook } from "../src/playbook/load-playbook.ts";

const SIZES = [1_000, 10_000, 100_000];
const REPS = 20;
const RUNS = 30;

const db = await openDatabase(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : { dataDir: null });
const playbook = await loadPlaybook("default");
const now = new Date("2026-11-24T02:00:00Z");
console.log(`database: ${db.kind}; ${REPS} reps; ${RUNS} runs per size; median and p95 of dueToday() for one rep`);
try {
  const ws = await db.prisma.workspace.create({ data: { platform: "bench", externalId: `bench-${Date.now()}` } });
  const reps = [];
  for (let i = 0; i < REPS; i++) {
    reps.push(await db.prisma.user.create({ data: { workspaceId: ws.id, externalId: `rep${i}`, displayName: `rep${i}` } }));
  }
  let filed = 0;
  for (const size of SIZES) {
    const add = size - filed;
    // The first 10 customers of each rep are due (over the past week); every later one over the next year.
    await db.prisma.$executeRawUnsafe(
      `INSERT INTO "Customer" ("id","workspaceId","number","ownerId","company","companyKey","stage","grade","classifiedAt","stageEnteredAt","nextDueAt","overdueAt","nextDueChannel","updatedAt")
       SELECT gen_random_uuid()::text, $1, n, (ARRAY[${reps.map((r) => `'${r.id}'`).join(",")}])[1 + n % ${REPS}], 'Co ' || n, 'co' || n, 'potential',
              (ARRAY['A','B','C','D'])[1 + n % 4], $2, $2,
              CASE WHEN n <= ${REPS * 10} THEN $2::timestamp - (n % 7) * interval '1 day' ELSE $2::timestamp + (1 + n % 365) * interval '1 day' END,
              NULL, 'call', $2
         FROM generate_series($3::int, $4::int) AS n`,
      ws.id, now, filed + 1, size,
    );
    filed = size;
    await db.prisma.$executeRawUnsafe(`ANALYZE "Customer"`);
    const owner = { id: reps[3]!.id, workspaceId: ws.id, timeZone: "Asia/Shanghai" };
    const times: number[] = [];
    let due = 0;
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      const result = await db.prisma.$transaction((tx) => dueToday(tx, playbook, owner, now, 15));
      times.push(performance.now() - start);
      due = result.total;
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(RUNS / 2)]!;
    const p95 = times[Math.floor(RUNS * 0.95)]!;
    console.log(`${String(size).padStart(7)} customers: ${due} due for the rep — median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms`);
  }
  const plan = await db.prisma.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
    `EXPLAIN SELECT * FROM "Customer" WHERE "workspaceId" = $1 AND "ownerId" = $2 AND "nextDueAt" <= $3 ORDER BY "nextDueAt" LIMIT 100`,
    ws.id, reps[3]!.id, now,
  );
  console.log(`plan: ${plan.map((r) => r["QUERY PLAN"]).join(" | ")}`);
  await db.prisma.workspace.delete({ where: { id: ws.id } });
} finally {
  await db.close();
}
