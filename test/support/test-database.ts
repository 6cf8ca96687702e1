import { readFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { openDatabase, type Database } from "../../src/db/database.ts";
import { databaseUrlFor, dropWhenClosed } from "./pg-urls.ts";

export interface TestDatabase extends Database {
  /** PostgreSQL only: the URL of this test's own database, for a second process or pool. */
  url: string | null;
}

/**
 * A fresh, migrated database of the configured kind for one test file: a clone of the run's
 * template on PostgreSQL, or an in-memory PGlite started from the migrated dump.
 */
export async function openTestDatabase(): Promise<TestDatabase> {
  const template = inject("pgTemplate");
  const url = process.env.DATABASE_URL;
  if (template && url) {
    const name = `crm_t_${randomUUID().replace(/-/g, "").slice(0, 16)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    const ownUrl = databaseUrlFor(url, name);
    const db = await openDatabase({ databaseUrl: ownUrl });
    return {
      ...db,
      url: ownUrl,
      async close() {
        await db.close();
        await dropWhenClosed(admin, name);
        await admin.end();
      },
    };
  }
  const image = inject("pgliteImage");
  const db = await openDatabase({ dataDir: null, image: new Blob([readFileSync(image!)]) });
  return { ...db, url: null };
}
