import pg from "pg";
import type { Prisma } from "./database.ts";
import type { PrismaNamespace, Tx } from "./types.ts";

/**
 * Reads outside a transaction straight through the driver, beneath the ORM. Prisma spends ~1 ms
 * of CPU on every raw statement (its query plan, parameters and rows) before the database sees
 * it; the hot reads — who is speaking, a due list, a customer's card — cost less than that in
 * PostgreSQL itself, so on a command that is most of its time. Inside a transaction the
 * statement must run on the transaction's connection, which only Prisma holds: there it goes
 * through `$queryRaw` as before. The statement is the same either way. PostgreSQL only: on
 * PGlite every statement goes through Prisma (see openPGlite in database.ts).
 */
type DirectQuery = (text: string, values: unknown[]) => Promise<Record<string, unknown>[]>;

const direct = new WeakMap<object, DirectQuery>();

/** The rows of one statement, as `$queryRaw` returns them, through the driver when `tx` is the client itself. */
export async function queryRows<T>(tx: Tx | Prisma, sql: PrismaNamespace.Sql): Promise<T[]> {
  const query = direct.get(tx);
  if (!query) return tx.$queryRaw<T[]>(sql);
  return (await query(sql.text, sql.values.map(parameter))) as T[];
}

/**
 * A row of a table read with more columns than the table's (`SELECT c.*, … AS "x"`): the table's
 * row as its own object, and the named extra columns apart.
 */
export function withColumnsApart<T>(row: Record<string, unknown>, names: readonly string[]): [T, Record<string, unknown>] {
  if (names.length === 0) return [row as T, {}];
  const own: Record<string, unknown> = {};
  const extra: Record<string, unknown> = {};
  for (const key of Object.keys(row)) (names.includes(key) ? extra : own)[key] = row[key];
  return [own as T, extra];
}

/** Lets `queryRows` on this client (never on its transactions) use the pool directly. */
export function queryDirectly(prisma: Prisma, pool: pg.Pool): void {
  direct.set(prisma, async (text, values) => (await pool.query({ text, values, types: PRISMA_TYPES })).rows);
}

/**
 * A column comes back as `$queryRaw` gives it: a `timestamp` (stored in UTC without a zone)
 * as that instant — the driver would read it in the process's zone — and a `bigint` as a
 * BigInt. JSON is parsed, integers and text as usual. (`numeric` would come as text: none of
 * the statements read this way selects one.)
 */
const TIMESTAMP = 1114;
const INT8 = 20;
const PRISMA_TYPES = {
  getTypeParser(oid: number, format?: string) {
    if (oid === TIMESTAMP) return utcTimestamp;
    if (oid === INT8) return (value: string) => BigInt(value);
    return (pg.types.getTypeParser as (oid: number, format?: string) => unknown)(oid, format);
  },
} as pg.CustomTypesConfig;

function utcTimestamp(value: string): Date {
  return new Date(`${value.replace(" ", "T")}Z`);
}

/** A Date as its UTC instant: the driver would write it in the process's zone, which a `timestamp` column would take as UTC. */
function parameter(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(parameter);
  return value;
}

/**
 * A Date for a raw statement, written `${sqlTimestamp(d)}::timestamp(3)`: its UTC instant as text,
 * the same through Prisma or the driver (either would otherwise write it in its own way).
 */
export function sqlTimestamp(date: Date | null): string | null {
  return date ? date.toISOString() : null;
}
