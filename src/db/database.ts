import { join } from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "../../generated/prisma/client.ts";
import { lockDataDir, type DataDirLock } from "./data-dir-lock.ts";
import { applyMigrations } from "./migrate.ts";
import { pgliteRunner, postgresRunner } from "./sql-runners.ts";
import { PGliteThread } from "./pglite-thread.ts";

export type Prisma = InstanceType<typeof PrismaClient>;

export interface Database {
  readonly kind: "postgresql" | "pglite";
  readonly prisma: Prisma;
  close(): Promise<void>;
}

export type DatabaseOptions =
  | { databaseUrl: string }
  /** `dataDir: null` keeps the database in memory (tests); `image` starts from a dump. */
  | { dataDir: string | null; image?: Blob };

/** Opens the configured database and brings its schema up to date. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return "databaseUrl" in options ? openPostgres(options.databaseUrl) : openPGlite(options.dataDir, options.image);
}

async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  try {
    await applyMigrations(postgresRunner(pool));
  } catch (error) {
    await pool.end();
    throw error;
  }
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    kind: "postgresql",
    prisma,
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

async function openPGlite(dataDir: string | null, image?: Blob): Promise<Database> {
  const lock: DataDirLock | null = dataDir ? lockDataDir(dataDir) : null;
  let pglite: PGlite | undefined;
  try {
    // On its own thread: a query in the embedded database must not hold up the HTTP acks.
    // PGliteThread offers the part of PGlite's API the adapter and the migrator use.
    pglite = (await PGliteThread.start(dataDir ? join(dataDir, "pglite") : null, image)) as unknown as PGlite;
    await applyMigrations(pgliteRunner(pglite));
  } catch (error) {
    await pglite?.close().catch(() => undefined);
    lock?.release();
    throw error;
  }
  const db = pglite;
  // pglite-prisma-adapter 0.6 is built against driver-adapter-utils 6.10; the runtime contract is
  // the same in 6.19 (verified in STACK.md), only the declared types differ.
  const adapter = new PrismaPGlite(db) as unknown as PrismaPg;
  const prisma = new PrismaClient({ adapter });
  return {
    kind: "pglite",
    prisma,
    async close() {
      await prisma.$disconnect();
      await db.close();
      lock?.release();
    },
  };
}
