import { openDatabase } from "./src/db/database.ts";
import { loadPlaybook } from "./src/playbook/load-playbook.ts";
import { dueTodayForOwners } from "./src/customers/due-list.ts";
import { enqueueMany, recordedKeys } from "./src/jobs/outbox.ts";
import { morningFloor } from "./bench/floors.ts";
import { endOfLocalDay } from "./src/format/dates.ts";
const db = await openDatabase({ databaseUrl: "postgresql://root@127.0.0.1:5432/perf_probe" });
const playbook = await loadPlaybook("default");
const now = new Date("2026-11-24T02:00:00Z");
const [w] = await db.query(`SELECT id FROM "Workspace" WHERE "externalId"='bench'`);
const ws = w!.id as string;
const t = async (label: string, f: () => Promise<unknown>, between?: () => Promise<unknown>) => { const r: number[] = []; for (let i = 0; i < 7; i++) { await between?.(); const a = performance.now(); await f(); r.push(performance.now() - a); } r.sort((a, b) => a - b); console.log(label.padEnd(20), r.map((x) => x.toFixed(0)).join(" ")); };
const users = await db.prisma.user.findMany({ where: { workspaceId: ws } });
await t("users", () => db.prisma.user.findMany({ where: { workspaceId: ws }, orderBy: { createdAt: "asc" } }));
const cands = users.map((u) => ({ period: "2026-11-24", target: { kind: "user" as const, userId: u.externalId } }));
await t("recorded", () => recordedKeys(db.prisma, ws, "morning-digest", cands));
await t("floor", () => morningFloor(db, ws, endOfLocalDay(now, "Asia/Shanghai"), now, 10));
await t("dueForOwners", () => dueTodayForOwners(db.prisma, playbook, ws, users, now, 10));
const big = { ok: true, ephemeral: false, text: "x", cards: Array.from({ length: 10 }, (_, i) => ({ title: "#1 Company " + i, subtitle: "Potential · A", sections: [{ title: "", items: ["Call: due today", "Last touch Tue 24 Nov 2026"] }], actions: [{ kind: "prompt", label: "Log call", command: "log #12@bench call", prompt: "Note", style: "primary" }, { kind: "run", label: "Open", command: "show #12@bench" }] })) };
console.log("payload bytes", JSON.stringify(big).length);
await t("enqueueMany", () => enqueueMany(db.prisma, users.map((u) => ({ workspaceId: ws, job: "probe", period: "p", platform: "console", target: { kind: "user" as const, userId: u.externalId }, reply: big as any })), now), () => db.query(`DELETE FROM "OutboxMessage" WHERE job='probe'`));

const db2 = await openDatabase({ databaseUrl: "postgresql://root@127.0.0.1:5432/perf_probe" });
const batch = JSON.stringify(users.map((u) => ({ workspaceId: ws, job: "probe", period: "p", recipient: "user:" + u.externalId, platform: "console", target: { kind: "user", userId: u.externalId }, payload: big })));
const sql = `INSERT INTO "OutboxMessage" ("id", "workspaceId", "job", "period", "recipient", "platform", "target", "payload", "status", "nextAttemptAt")
      SELECT gen_random_uuid()::text, e."workspaceId", e."job", e."period", e."recipient", e."platform", e."target", e."payload", 'pending', now()
        FROM jsonb_to_recordset($1::jsonb) AS e("workspaceId" text, "job" text, "period" text, "recipient" text, "platform" text, "target" jsonb, "payload" jsonb)
      ON CONFLICT DO NOTHING RETURNING "recipient"`;
await t("insert raw driver", () => db2.query(sql, [batch]), () => db2.query(`DELETE FROM "OutboxMessage" WHERE job='probe'`));
await t("insert prisma", () => db2.prisma.$queryRawUnsafe(sql, batch), () => db2.query(`DELETE FROM "OutboxMessage" WHERE job='probe'`));
await t("select 1 prisma", () => db2.prisma.$queryRawUnsafe("select $1::text as x", batch));
await db2.close();
