import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { applyMigrations, MigrationChangedError, readMigrations, type SqlRunner } from "../../src/db/migrate.ts";
import { pgliteRunner, postgresRunner } from "../../src/db/sql-runners.ts";
import { databaseUrlFor, dropWhenClosed } from "../support/pg-urls.ts";

const PG_URL = process.env.DATABASE_URL;
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** An empty database of the configured kind, and a way to open more connections to it. */
async function emptyDatabase(): Promise<{ runner: () => SqlRunner; query: (sql: string) => Promise<Record<string, unknown>[]> }> {
  if (PG_URL) {
    const name = `crm_m_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const pools: pg.Pool[] = [];
    cleanups.push(async () => {
      for (const pool of pools) await pool.end();
      await dropWhenClosed(admin, name);
      await admin.end();
    });
    const open = () => {
      const pool = new pg.Pool({ connectionString: databaseUrlFor(PG_URL, name) });
      pools.push(pool);
      return pool;
    };
    const reader = open();
    return { runner: () => postgresRunner(open()), query: async (sql) => (await reader.query(sql)).rows };
  }
  const db = await PGlite.create();
  cleanups.push(() => db.close());
  return { runner: () => pgliteRunner(db), query: async (sql) => (await db.query<Record<string, unknown>>(sql)).rows };
}

function migrationsDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "crm-migrations-"));
  cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
  for (const [name, sql] of Object.entries(files)) {
    mkdirSync(join(dir, name));
    writeFileSync(join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

describe("migrations", () => {
  it("applies the committed migrations once and records them like Prisma does", async () => {
    const db = await emptyDatabase();
    const names = readMigrations().map((m) => m.name);
    expect(await applyMigrations(db.runner())).toEqual(names);
    expect(await applyMigrations(db.runner())).toEqual([]);
    const rows = await db.query(`SELECT migration_name, finished_at IS NOT NULL AS done FROM "_prisma_migrations" ORDER BY migration_name`);
    expect(rows).toEqual(names.map((migration_name) => ({ migration_name, done: true })));
    const tables = await db.query(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'Customer'`);
    expect(tables).toEqual([{ n: 1 }]);
  });

  it("rolls a failing migration back completely and does not record it", async () => {
    const db = await emptyDatabase();
    const dir = migrationsDir({
      "001_ok": `CREATE TABLE "a" (id int);`,
      "002_broken": `CREATE TABLE "b" (id int); INSERT INTO "nope" VALUES (1);`,
    });
    await expect(applyMigrations(db.runner(), readMigrations(dir))).rejects.toThrow(/nope/);
    expect(await db.query(`SELECT migration_name FROM "_prisma_migrations"`)).toEqual([{ migration_name: "001_ok" }]);
    expect(await db.query(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'b'`)).toEqual([{ n: 0 }]);
  });

  it("refuses to run when an applied migration was edited afterwards", async () => {
    const db = await emptyDatabase();
    await applyMigrations(db.runner(), readMigrations(migrationsDir({ "001_x": `CREATE TABLE "x" (id int);` })));
    const edited = readMigrations(migrationsDir({ "001_x": `CREATE TABLE "x" (id bigint);` }));
    await expect(applyMigrations(db.runner(), edited)).rejects.toBeInstanceOf(MigrationChangedError);
  });

  it.runIf(PG_URL)("applies each migration exactly once when several replicas start together (PostgreSQL)", async () => {
    const db = await emptyDatabase();
    const results = await Promise.all([1, 2, 3, 4].map(() => applyMigrations(db.runner())));
    const names = readMigrations().map((m) => m.name);
    expect(results.flat().sort()).toEqual(names.sort());
    const rows = await db.query(`SELECT migration_name, count(*)::int AS n FROM "_prisma_migrations" GROUP BY 1`);
    expect(rows.every((r) => r.n === 1)).toBe(true);
  });
});
