import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { applyMigrations } from "../../src/db/migrate.ts";
import { pgliteRunner, postgresRunner } from "../../src/db/sql-runners.ts";
import { databaseUrlFor } from "./pg-urls.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** PostgreSQL: the migrated template database to clone; PGlite: a dump of a migrated database. */
    pgTemplate: string | null;
    pgliteImage: string | null;
  }
}

/** Migrates one database for the whole run; test files clone it instead of migrating again. */
export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (url) {
    const template = `crm_template_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${template}`);
    await admin.query(`CREATE DATABASE ${template}`);
    const pool = new pg.Pool({ connectionString: databaseUrlFor(url, template) });
    await applyMigrations(postgresRunner(pool));
    await pool.end();
    project.provide("pgTemplate", template);
    project.provide("pgliteImage", null);
    return async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${template}`);
      await admin.end();
    };
  }
  const dir = mkdtempSync(join(tmpdir(), "crm-test-"));
  const db = await PGlite.create();
  await applyMigrations(pgliteRunner(db));
  const image = join(dir, "migrated.tar");
  writeFileSync(image, Buffer.from(await (await db.dumpDataDir("none")).arrayBuffer()));
  await db.close();
  project.provide("pgTemplate", null);
  project.provide("pgliteImage", image);
  return () => rmSync(dir, { recursive: true, force: true });
}
