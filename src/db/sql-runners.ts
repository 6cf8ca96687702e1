import type { PGlite } from "@electric-sql/pglite";
import type pg from "pg";
import type { SqlRunner } from "./migrate.ts";

/** Plain SQL in a transaction on either engine, for the migrator (Prisma cannot run multi-statement files). */
export function postgresRunner(pool: pg.Pool): SqlRunner {
  return {
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await work({
          exec: async (sql) => void (await client.query(sql)),
          query: async (sql, params) => (await client.query(sql, params as unknown[])).rows,
        });
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
  };
}

export function pgliteRunner(db: PGlite): SqlRunner {
  return {
    transaction: (work) =>
      db.transaction((tx) =>
        work({
          exec: async (sql) => void (await tx.exec(sql)),
          query: async (sql, params) => (await tx.query(sql, params as unknown[])).rows as Record<string, unknown>[],
        }),
      ),
  };
}
