import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/database.ts";
import { openTestDatabase, type TestDatabase } from "../support/test-database.ts";

// The bot opens every pooled connection before it serves anyone (adapters/main.ts): a new
// PostgreSQL backend's first statements load its catalog caches, which the first burst of
// commands would otherwise wait on. Counted from the server's side, as pg_stat_activity shows it.
describe.runIf(process.env.DATABASE_URL)("a warmed pool (PostgreSQL)", () => {
  let own: TestDatabase;
  beforeAll(async () => {
    own = await openTestDatabase();
  });
  afterAll(async () => {
    await own.close();
  });

  /** Backends of this test's database whose last statement was the warm-up, seen from another connection. */
  const warmed = async () => {
    const [row] = await own.query(
      `SELECT count(*)::int AS "n" FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE '%"OutboxMessage" m ON%'`,
    );
    return row!.n;
  };

  it("opens none ahead when not asked (tests, the one-off job command)", async () => {
    const db = await openDatabase({ databaseUrl: own.url!, poolSize: 4 });
    try {
      expect(await warmed()).toBe(0);
    } finally {
      await db.close();
    }
  });

  it("opens every connection of the pool, each having planned a statement over the hot tables, before it returns", async () => {
    const db = await openDatabase({ databaseUrl: own.url!, poolSize: 4, warm: true });
    try {
      expect(await warmed()).toBe(4);
      // And the connections stay usable: the warm-up released them all.
      const rows = await Promise.all(Array.from({ length: 4 }, () => db.query("SELECT 1 AS one")));
      expect(rows.map((r) => r[0]!.one)).toEqual([1, 1, 1, 1]);
    } finally {
      await db.close();
    }
  });
});
