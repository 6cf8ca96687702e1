/**
 * `npm run bench:import`: a 10,000-row customer file through the real command path — the dry
 * run (read, map, validate, duplicate check, keep the pending import) and the confirm (the
 * batched insert with history and cadence) — as CSV (GBK, as Chinese Excel saves it) and as
 * XLSX. Uses DATABASE_URL when set (PostgreSQL; its rows are deleted afterwards), else an
 * in-memory PGlite. Each run imports into a fresh workspace.
 */
import { performance } from "node:perf_hooks";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { createCrm } from "../src/crm/crm.ts";
import { openDatabase } from "../src/db/database.ts";
import { loadPlaybook } from "../src/playbook/load-playbook.ts";
import type { InputFile } from "../src/reply.ts";

const ROWS = 10_000;
const RUNS = 3;
const HEADER = ["公司名称", "负责人", "职位", "手机", "省份", "城市", "地址", "等级", "来源", "备注"];

function rows(): string[][] {
  return Array.from({ length: ROWS }, (_, i) => [
    `佛山测试电器${i}有限公司`, `联系人${i}`, "总经理", `1${String(3_000_000_000 + i)}`, "广东", "佛山", `顺德区大良街道${i}号`,
    ["A", "B", "C", "D"][i % 4]!, "展会", i % 10 === 0 ? "重点客户" : "",
  ]);
}

function csvFile(): InputFile {
  const text = [HEADER, ...rows()].map((r) => r.join(",")).join("\r\n");
  return { name: "customers.csv", bytes: new Uint8Array(iconv.encode(text, "gbk")) };
}

async function xlsxFile(): Promise<InputFile> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("客户");
  sheet.addRow(HEADER);
  for (const row of rows()) sheet.addRow(row);
  return { name: "customers.xlsx", bytes: new Uint8Array(await workbook.xlsx.writeBuffer()) };
}

const db = await openDatabase(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : { dataDir: null });
const crm = createCrm({ prisma: db.prisma, playbook: await loadPlaybook("default") });
console.log(`database: ${db.kind}; ${ROWS} rows per file; ${RUNS} runs each`);
const workspaces: string[] = [];
try {
  for (const [format, file] of [["csv (GBK)", csvFile()], ["xlsx", await xlsxFile()]] as const) {
    const dry: number[] = [];
    const confirm: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const externalId = `bench-import-${Date.now()}-${run}`;
      const identity = { platform: "bench", workspaceId: externalId, userId: "director", displayName: "director", locale: "en" as const };
      let start = performance.now();
      const plan = await crm.execute(identity, "import", { files: [file] });
      dry.push(performance.now() - start);
      if (!plan.confirm) throw new Error(`dry run refused: ${plan.text}`);
      start = performance.now();
      const done = await crm.execute(identity, plan.confirm);
      confirm.push(performance.now() - start);
      if (!done.text.startsWith(`Imported ${ROWS} customers`)) throw new Error(`confirm refused: ${done.text}`);
      workspaces.push((await db.prisma.workspace.findFirstOrThrow({ where: { externalId } })).id);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const total = dry.map((d, i) => d + confirm[i]!);
    console.log(`${format.padEnd(9)}: dry run median ${(median(dry) / 1000).toFixed(2)} s, confirm median ${(median(confirm) / 1000).toFixed(2)} s, whole import median ${(median(total) / 1000).toFixed(2)} s (max ${(Math.max(...total) / 1000).toFixed(2)} s)`);
  }
} finally {
  await db.prisma.pendingImport.deleteMany({ where: { workspaceId: { in: workspaces } } });
  await db.prisma.workspace.deleteMany({ where: { id: { in: workspaces } } });
  await db.close();
}
