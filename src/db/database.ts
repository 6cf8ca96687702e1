import { existsSync } from "node:fs";
import { join } from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "../../generated/prisma/client.ts";
import { queryDirectly } from "./direct-sql.ts";
import { utcTimestampsForPrisma } from "./pglite-prisma-timestamps.ts";
import { lockDataDir, type DataDirLock } from "./data-dir-lock.ts";
import { applyMigrations } from "./migrate.ts";
import { pgliteRunner, postgresRunner } from "./sql-runners.ts";
import { PGliteThread } from "./pglite-thread.ts";

export type Prisma = InstanceType<typeof PrismaClient>;

export type SqlQuery = (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

export interface Database {
  readonly kind: "postgresql" | "pglite";
  readonly prisma: Prisma;
  /**
   * One statement straight through the driver, beneath the ORM: for bulk statements whose
   * parameters Prisma is slow to pass, and the benchmark's floors. Returns timestamps as the
   * driver parses them: select text, not timestamps, through it.
   */
  query: SqlQuery;
  close(): Promise<void>;
  /**
   * Embedded only: settles if the database's thread stops unasked. Nothing can be served after
   * that, so the bot stops (exit code 1) for its supervisor to restart it, rather than answer
   * every message with an error. PostgreSQL has none: the pool reconnects by itself.
   */
  lost?: Promise<Error>;
}

export type DatabaseOptions =
  /**
   * `poolSize`: connections to PostgreSQL (DEFAULT_POOL_SIZE when unset). `warm`: open them all
   * before returning, each having planned a statement over the hot tables (the bot; not tests).
   */
  | { databaseUrl: string; poolSize?: number; warm?: boolean }
  /** `dataDir: null` keeps the database in memory (tests); `image` starts from a dump. */
  | { dataDir: string | null; image?: Blob };

/** Opens the configured database and brings its schema up to date. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return "databaseUrl" in options
    ? openPostgres(options.databaseUrl, options.poolSize ?? DEFAULT_POOL_SIZE, options.warm ?? false)
    : openPGlite(options.dataDir, options.image);
}

/**
 * A command holds a connection only for its own transaction (a few milliseconds), so a small
 * pool serves many people: past the server's cores, more connections only queue inside
 * PostgreSQL instead of here. 10 leaves room for a second replica and the job process under
 * PostgreSQL's default max_connections of 100. PGlite has one connection whatever this says.
 */
export const DEFAULT_POOL_SIZE = 10;

async function openPostgres(url: string, poolSize: number, warm: boolean): Promise<Database> {
  // JIT compiling pays off for analytics, not for a bot's millisecond statements: a due list for
  // 200 reps crosses the cost threshold and spent 2 s of its 2.3 s compiling (PostgreSQL 15).
  // Idle connections stay open for ten minutes, not pg's ten seconds: chat comes in bursts, and
  // a new connection's first statements cost several times the usual (see warmUp).
  const pool = new pg.Pool({ connectionString: url, max: poolSize, idleTimeoutMillis: IDLE_CONNECTION_MS, options: "-c jit=off" });
  // An idle connection dropped by the server (a restart, a failover) must not end the process:
  // the pool forgets it and opens another on the next query.
  pool.on("error", () => undefined);
  try {
    await applyMigrations(postgresRunner(pool));
  } catch (error) {
    await pool.end();
    throw error;
  }
  if (warm) await warmUp(pool, poolSize);
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  queryDirectly(prisma, pool);
  return {
    kind: "postgresql",
    prisma,
    query: async (sql, params) => (await pool.query(sql, params as unknown[])).rows,
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

const IDLE_CONNECTION_MS = 10 * 60_000;

/**
 * Opens every connection of the pool and has each plan a statement over the tables commands
 * use. A new PostgreSQL backend loads its catalog caches on its first statements: without
 * this, the first burst of 20 people at once waited on eight new connections doing so (the
 * benchmark's first round of 20 callers: p99 250–285 ms before, 108–145 ms after; bench/README.md).
 */
async function warmUp(pool: pg.Pool, size: number): Promise<void> {
  // Best effort: a server short of connections (max_connections) still lets the bot start; the
  // pool opens what it can later, as it would have without this.
  const opened = await Promise.allSettled(Array.from({ length: size }, () => pool.connect()));
  const clients = opened.flatMap((o) => (o.status === "fulfilled" ? [o.value] : []));
  await Promise.allSettled(clients.map((client) => client.query(WARM_UP)));
  for (const client of clients) client.release();
}

const WARM_UP = `
  SELECT count(*) FROM (
    SELECT 1 FROM "Workspace" w JOIN "User" u ON u."workspaceId" = w."id" JOIN "Customer" c ON c."ownerId" = u."id"
      JOIN "Activity" a ON a."customerId" = c."id" JOIN "StageChange" s ON s."customerId" = c."id"
      JOIN "Order" o ON o."customerId" = c."id" JOIN "OwnerChange" oc ON oc."customerId" = c."id"
      JOIN "OutboxMessage" m ON m."workspaceId" = w."id"
     WHERE c."number" = 0 LIMIT 0) AS x`;

async function openPGlite(dataDir: string | null, image?: Blob): Promise<Database> {
  const lock: DataDirLock | null = dataDir ? lockDataDir(dataDir) : null;
  let pglite: PGlite | undefined;
  try {
    // On its own thread: a query in the embedded database must not hold up the HTTP acks.
    // PGliteThread offers the part of PGlite's API the adapter and the migrator use.
    const path = dataDir ? join(dataDir, "pglite") : null;
    const fresh = path !== null && !existsSync(join(path, "PG_VERSION"));
    pglite = (await PGliteThread.start(path, image)) as unknown as PGlite;
    await applyMigrations(pgliteRunner(pglite));
    if (fresh) {
      // initdb and the first migrations grow the WebAssembly memory to ~600 MiB, and WebAssembly
      // memory never shrinks: a new thread on the initialised directory starts at a third of that.
      await pglite.close();
      pglite = (await PGliteThread.start(path, undefined)) as unknown as PGlite;
    }
  } catch (error) {
    await pglite?.close().catch(() => undefined);
    lock?.release();
    throw error;
  }
  const db = pglite;
  // pglite-prisma-adapter 0.6 is built against driver-adapter-utils 6.10; the runtime contract is
  // the same in 6.19 (verified in STACK.md), only the declared types differ.
  const adapter = new PrismaPGlite(utcTimestampsForPrisma(db)) as unknown as PrismaPg;
  const prisma = new PrismaClient({ adapter });
  // The hot reads stay on Prisma here (see src/db/direct-sql.ts): sent to the thread beneath it,
  // they left the console bot unable to exit in about half its runs, every call answered and the
  // thread closed; the cause is not found. PGlite has one connection: there is no pool to spare.
  return {
    kind: "pglite",
    prisma,
    lost: (pglite as unknown as PGliteThread).lost,
    query: async (sql, params) => (await db.query<Record<string, unknown>>(sql, params as unknown[])).rows,
    async close() {
      await prisma.$disconnect();
      await db.close();
      lock?.release();
    },
  };
}
