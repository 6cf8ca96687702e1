import type pg from "pg";

/** The same server and credentials, another database. */
export function databaseUrlFor(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * DROP … WITH (FORCE) would kill connections a pool is still closing, and pg reports that as
 * an uncaught error; wait for them to go instead.
 */
export async function dropWhenClosed(admin: pg.Client, name: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${name}`);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== "55006" || attempt > 50) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
