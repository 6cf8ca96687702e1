/**
 * `npm run bench:load`: the bot under load, as Slack would load it. Starts the bot as its own
 * process (built, then `node dist/bench-load/main.mjs`, as `npm start` runs it; Slack in HTTP mode, its Web API and every
 * response_url on a local fake), then sends signed `/prospect` commands — alternately an `add`
 * (a write) and `due` (a read) — from 1, 20 and 100 concurrent senders. Reported per level:
 * ack p50/p99 (the HTTP answer to the command), answer p50/p99 (the reply posted to its
 * response_url), the share answered "busy, retry in a minute", errors (an ack that is not 200,
 * an answer missing after 30 s, an internal error), and the bot's peak RSS. Runs on embedded
 * PGlite in a scratch directory, and on PostgreSQL too when DATABASE_URL is set (in a scratch
 * database, dropped after).
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { createHmac, randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { FakeSlackApi } from "../test/support/fake-slack-api.ts";
import { START_FLAGS } from "./start-flags.ts";
import { databaseUrlFor, dropWhenClosed } from "../test/support/pg-urls.ts";

const SECRET = "bench-signing-secret";
const LEVELS = [
  { concurrency: 1, perSender: 30 },
  { concurrency: 20, perSender: 10 },
  { concurrency: 100, perSender: 3 },
];
const ANSWER_TIMEOUT_MS = 30_000;
const BUSY = /try again in a minute|一分钟后重试/;
const INTERNAL = /Something went wrong on our side|系统出错/;

interface LevelResult {
  concurrency: number;
  requests: number;
  ack: number[];
  answer: number[];
  busy: number;
  errors: string[];
  peakRssMb: number;
}

const BUILD = "bench-load";

async function main(): Promise<void> {
  execFileSync(process.execPath, ["scripts/build.mjs", BUILD]);
  const targets: { name: string; env: Record<string, string>; cleanup: () => Promise<void> }[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), "crm-load-"));
  targets.push({ name: "PGlite", env: { DATA_DIR: dataDir }, cleanup: async () => rmSync(dataDir, { recursive: true, force: true }) });
  if (process.env.DATABASE_URL) {
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    const name = `crm_load_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
    await admin.query(`CREATE DATABASE ${name}`);
    targets.push({
      name: "PostgreSQL",
      env: { DATABASE_URL: databaseUrlFor(process.env.DATABASE_URL, name) },
      cleanup: async () => {
        await dropWhenClosed(admin, name);
        await admin.end();
      },
    });
  }
  for (const target of targets) {
    try {
      await runTarget(target.name, target.env);
    } finally {
      await target.cleanup();
    }
  }
  rmSync(join("dist", BUILD), { recursive: true, force: true });
}

async function runTarget(name: string, env: Record<string, string>): Promise<void> {
  const fake = await new FakeSlackApi().start();
  const arrived = new Map<string, { at: number; text: string }>();
  fake.script("response_url", (call) => {
    arrived.set(call.id!, { at: performance.now(), text: String(call.body.text ?? "") });
    return undefined;
  });
  const port = 40_000 + Math.floor(Math.random() * 20_000);
  const bot = spawn(process.execPath, [...START_FLAGS, join("dist", BUILD, "main.mjs")], {
    env: { ...process.env, DATABASE_URL: "", ...env, PORT: String(port), SLACK_BOT_TOKEN: "xoxb-bench", SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl, CRM_CONSOLE: "0", LANG: "en_US.UTF-8" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  const stderr: string[] = [];
  bot.stderr!.on("data", (chunk: Buffer) => stderr.push(chunk.toString()));
  try {
    await waitForHealth(port, bot, stderr);
    console.log(`\n${name}: bot pid ${bot.pid}, RSS at start ${rssMb(bot.pid!).toFixed(0)} MB`);
    console.log("concurrency | requests | ack p50 / p99 ms | answer p50 / p99 ms | busy | errors | peak RSS MB");
    for (const level of LEVELS) {
      const result = await runLevel(port, fake, arrived, bot.pid!, level.concurrency, level.perSender);
      const pct = (xs: number[], p: number) => (xs.length ? xs.sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!.toFixed(0) : "-");
      console.log(
        `${String(result.concurrency).padStart(11)} | ${String(result.requests).padStart(8)} | ${`${pct(result.ack, 0.5)} / ${pct(result.ack, 0.99)}`.padStart(16)} | ${`${pct(result.answer, 0.5)} / ${pct(result.answer, 0.99)}`.padStart(19)} | ${`${((100 * result.busy) / result.requests).toFixed(0)}%`.padStart(4)} | ${String(result.errors.length).padStart(6)} | ${result.peakRssMb.toFixed(0).padStart(11)}`,
      );
      for (const error of [...new Set(result.errors)].slice(0, 5)) console.log(`    error: ${error}`);
    }
  } finally {
    bot.kill("SIGTERM");
    await new Promise((resolve) => (bot.exitCode !== null ? resolve(undefined) : bot.once("exit", resolve)));
    await fake.stop();
  }
}

async function runLevel(port: number, fake: FakeSlackApi, arrived: Map<string, { at: number; text: string }>, pid: number, concurrency: number, perSender: number): Promise<LevelResult> {
  const result: LevelResult = { concurrency, requests: concurrency * perSender, ack: [], answer: [], busy: 0, errors: [], peakRssMb: 0 };
  const sampler = setInterval(() => (result.peakRssMb = Math.max(result.peakRssMb, rssMb(pid))), 100);
  const pending: Promise<void>[] = [];
  const run = Math.random().toString(36).slice(2, 6);
  const sender = async (s: number) => {
    for (let i = 0; i < perSender; i++) {
      const id = `${run}-${concurrency}-${s}-${i}`;
      const text = i % 2 === 0 ? `add "Load ${id}" contact=Bench${s}` : "due";
      const body = new URLSearchParams({
        team_id: "T_LOAD", team_domain: "load", channel_id: "C_LOAD", channel_name: "load", user_id: `U_LOAD_${s}`, user_name: `load${s}`,
        command: "/prospect", text, response_url: fake.responseUrl(id), trigger_id: `trig-${id}`, api_app_id: "A_LOAD",
      }).toString();
      const timestamp = Math.floor(Date.now() / 1000);
      const signature = `v0=${createHmac("sha256", SECRET).update(`v0:${timestamp}:${body}`).digest("hex")}`;
      const sent = performance.now();
      try {
        const response = await fetch(`http://127.0.0.1:${port}/slack/events`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded", "x-slack-request-timestamp": String(timestamp), "x-slack-signature": signature },
          body,
          signal: AbortSignal.timeout(10_000),
        });
        await response.text();
        result.ack.push(performance.now() - sent);
        if (response.status !== 200) {
          result.errors.push(`ack ${response.status}`);
          continue;
        }
      } catch (error) {
        result.errors.push(`ack failed: ${error instanceof Error ? error.message : String(error)}`);
        continue;
      }
      // The sender waits for its answer before the next command, as a person would.
      const answer = await waitForAnswer(arrived, id, sent);
      if (!answer) result.errors.push(`no answer within ${ANSWER_TIMEOUT_MS / 1000} s`);
      else if (INTERNAL.test(answer.text)) result.errors.push(`internal error: ${answer.text.slice(0, 80)}`);
      else if (BUSY.test(answer.text)) result.busy++;
      else result.answer.push(answer.at - sent);
    }
  };
  for (let s = 0; s < concurrency; s++) pending.push(sender(s));
  await Promise.all(pending);
  clearInterval(sampler);
  result.peakRssMb = Math.max(result.peakRssMb, rssMb(pid));
  return result;
}

async function waitForAnswer(arrived: Map<string, { at: number; text: string }>, id: string, sent: number) {
  while (performance.now() - sent < ANSWER_TIMEOUT_MS) {
    const answer = arrived.get(id);
    if (answer) return answer;
    await new Promise((r) => setTimeout(r, 5));
  }
  return undefined;
}

async function waitForHealth(port: number, bot: ChildProcess, stderr: string[]): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (bot.exitCode !== null) throw new Error(`the bot exited (${bot.exitCode}):\n${stderr.join("")}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the bot did not start within 2 minutes:\n${stderr.join("")}`);
}

function rssMb(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

await main();
