/**
 * `npm run bench:reports`: the report (`report month`, computed in SQL) and its charts as the
 * customer base grows to 100k. Seeds 20 reps, customers created over the last six months from
 * five sources, a creation move each, one in 20 won (one in 100 with a repeat order), one in 10
 * lost, and two touches per customer; then times computeReport for the team and one rep, the
 * three charts, the lead-target plan, and the whole `report` command as a director types it.
 * Uses DATABASE_URL when set (the bench workspace is deleted at the end), else in-memory PGlite.
 */
import { performance } from "node:perf_hooks";
import { createCrm } from "../src/crm/crm.ts";
import { openDatabase } from "../src/db/database.ts";
import { loadPlaybook } from "../src/playbook/load-playbook.ts";
import { planLeads } from "../src/reports/lead-target.ts";
import { currentPeriod } from "../src/reports/period.ts";
import { computeReport } from "../src/reports/report.ts";
import * as figures from "../src/reports/report-figures.ts";
import { orderFigures } from "../src/reports/weekly-figures.ts";
import { lastWeeks, threeMonthsBefore } from "../src/reports/period.ts";
import { reportCharts } from "../src/reports/report-charts.ts";

const SIZES = (process.env.BENCH_SIZES ?? "10000,100000").split(",").map(Number);
const REPS = 20;
const RUNS = 10;
const now = new Date("2026-11-24T02:00:00Z");

const db = await openDatabase(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : { dataDir: null });
const playbook = await loadPlaybook("default");
const prisma = db.prisma;
console.log(`database: ${db.kind}; ${REPS} reps; median and p95 of ${RUNS} runs`);

async function time(label: string, run: () => Promise<unknown>) {
  await run(); // warm-up: fonts, plans, caches
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  console.log(`  ${label.padEnd(38)} median ${times[Math.floor(RUNS / 2)]!.toFixed(1).padStart(7)} ms, p95 ${times[Math.floor(RUNS * 0.95)]!.toFixed(1).padStart(7)} ms`);
}

try {
  const ws = await prisma.workspace.create({ data: { platform: "console", externalId: `bench-reports-${Date.now()}` } });
  const director = await prisma.user.create({ data: { workspaceId: ws.id, externalId: "director", displayName: "director", role: "director" } });
  const reps: { id: string }[] = [];
  for (let i = 0; i < REPS; i++) reps.push(await prisma.user.create({ data: { workspaceId: ws.id, externalId: `rep${i}`, displayName: `业务员${i}` } }));
  const owners = `(ARRAY[${reps.map((r) => `'${r.id}'`).join(",")}])[1 + n % ${REPS}]`;
  let filed = 0;
  for (const size of SIZES) {
    const [from, to] = [filed + 1, size];
    // Created over the 180 days before now; stage by n: won 1/20, lost 1/10, the rest spread over the open stages.
    await prisma.$executeRawUnsafe(
      `INSERT INTO "Customer" ("id","workspaceId","number","ownerId","company","companyKey","stage","grade","source","classifiedAt","stageEnteredAt","nextDueAt","overdueAt","nextDueChannel","createdAt","updatedAt")
       SELECT 'c' || n, $1, n, ${owners}, '公司 ' || n, 'co' || n,
              CASE WHEN n % 20 = 0 THEN 'won' WHEN n % 10 = 1 THEN 'lost' WHEN n % 10 < 8 THEN 'potential' WHEN n % 10 = 8 THEN 'intention' ELSE 'selection' END,
              CASE WHEN n % 20 = 0 OR n % 10 = 1 OR n % 10 = 9 THEN NULL WHEN n % 10 = 8 THEN (ARRAY['A','B'])[1 + n % 2] ELSE (ARRAY['A','B','C','D'])[1 + n % 4] END,
              (ARRAY['展会','推荐','阿里巴巴','搜索引擎','外拓'])[1 + n % 5],
              $2::timestamp - (n % 180) * interval '1 day', $2::timestamp - (n % 180) * interval '1 day',
              $2::timestamp + (n % 30 - 10) * interval '1 day', $2::timestamp + (n % 30 - 5) * interval '1 day', 'call',
              $2::timestamp - (n % 180) * interval '1 day', $2
         FROM generate_series($3::int, $4::int) AS n`,
      ws.id, now, from, to,
    );
    await prisma.$executeRawUnsafe(
      `INSERT INTO "StageChange" ("id","workspaceId","customerId","userId","fromStage","toStage","toGrade","at")
       SELECT 'sc' || n, $1, 'c' || n, ${owners}, NULL, 'potential', 'D', $2::timestamp - (n % 180) * interval '1 day' FROM generate_series($3::int, $4::int) AS n`,
      ws.id, now, from, to,
    );
    await prisma.$executeRawUnsafe(
      `INSERT INTO "StageChange" ("id","workspaceId","customerId","userId","fromStage","toStage","lostReason","at")
       SELECT 'sm' || n, $1, 'c' || n, ${owners}, 'potential', CASE WHEN n % 20 = 0 THEN 'won' ELSE 'lost' END,
              CASE WHEN n % 20 = 0 THEN NULL ELSE (ARRAY['price','brand','slow follow-up'])[1 + n % 3] END,
              $2::timestamp - (n % 180) * interval '1 day' + (n % 40) * interval '1 hour'
         FROM generate_series($3::int, $4::int) AS n WHERE n % 20 = 0 OR n % 10 = 1`,
      ws.id, now, from, to,
    );
    await prisma.$executeRawUnsafe(
      `INSERT INTO "Order" ("id","workspaceId","customerId","userId","kind","amount","at")
       SELECT 'o' || n || k, $1, 'c' || n, ${owners}, CASE WHEN k = 1 THEN 'win' ELSE 'repeat' END, 10000 + (n % 50) * 1000,
              $2::timestamp - (n % 180) * interval '1 day' + (n % 40) * interval '1 hour' + (k - 1) * interval '3 days'
         FROM generate_series($3::int, $4::int) AS n, generate_series(1, 2) AS k
        WHERE n % 20 = 0 AND (k = 1 OR n % 100 = 0)`,
      ws.id, now, from, to,
    );
    await prisma.$executeRawUnsafe(
      `INSERT INTO "Activity" ("id","workspaceId","customerId","userId","channel","content","at")
       SELECT 'a' || n || k, $1, 'c' || n, ${owners}, (ARRAY['call','sms','visit'])[1 + (n + k) % 3], 'note',
              $2::timestamp - ((n * k) % 90) * interval '1 day'
         FROM generate_series($3::int, $4::int) AS n, generate_series(1, 2) AS k`,
      ws.id, now, from, to,
    );
    filed = size;
    for (const table of ["Customer", "StageChange", "Order", "Activity"]) await prisma.$executeRawUnsafe(`ANALYZE "${table}"`);
    console.log(`${size} customers:`);
    const period = currentPeriod("month", now, ws.timeZone);
    const team = await computeReport(prisma, playbook, ws, period, { kind: "team" }, now);
    await time("computeReport, team, this month", () => computeReport(prisma, playbook, ws, period, { kind: "team" }, now));
    await time("computeReport, one rep, this month", () => computeReport(prisma, playbook, ws, period, { kind: "rep", userId: reps[3]!.id, name: "rep3" }, now));
    if (process.env.BENCH_BREAKDOWN) {
      const span = { start: period.start, end: period.end };
      await time("· funnelNow", () => figures.funnelNow(prisma, ws.id, {}));
      await time("· spanChanges", () => figures.spanChanges(prisma, ws.id, span, {}));
      await time("· orderFigures", () => orderFigures(prisma, ws.id, span, {}));
      await time("· windowConversion (3 months)", () => figures.windowConversion(prisma, ws.id, threeMonthsBefore(now, ws.timeZone), {}));
      await time("· leadsBySource", () => figures.leadsBySource(prisma, ws.id, span, {}));
      await time("· perRep", () => figures.perRep(prisma, ws.id, span, now, {}));
      await time("· weeklyTrend", () => figures.weeklyTrend(prisma, ws.id, lastWeeks(now, ws.timeZone, 12), ["lost"], {}));
      await time("· weeklyTrend, one rep", () => figures.weeklyTrend(prisma, ws.id, lastWeeks(now, ws.timeZone, 12), ["lost"], { ownerId: reps[3]!.id }));
    }
    await time("three charts (PNG)", () => reportCharts(team, playbook, { scope: "团队", period: "2026-11" }, "zh-CN"));
    await time("lead-target plan", () => planLeads(prisma, ws, "2026-12", 5_000_000, null, now));
    const crm = createCrm({ prisma, playbook, clock: () => now });
    const identity = { platform: "console", workspaceId: ws.externalId, userId: director.externalId, displayName: "director", locale: "zh-CN" as const, timeZone: "Asia/Shanghai" };
    await time("`report month` command, end to end", async () => {
      const reply = await crm.execute(identity, "report month");
      if (!reply.ok) throw new Error(reply.text);
    });
    console.log(`  conversion ${team.conversion.won}/${team.conversion.leads}, ${team.reps.length} reps, funnel ${team.funnel.map((f) => f.total).join("/")}`);
  }
  await prisma.workspace.delete({ where: { id: ws.id } });
} finally {
  await db.close();
}
