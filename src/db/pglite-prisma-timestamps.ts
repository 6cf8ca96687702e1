import type { PGlite } from "@electric-sql/pglite";

const TIMESTAMP = 1114;

type Options = { parsers?: Record<number, (text: string, typeId: number) => unknown> } | undefined;

/**
 * pglite-prisma-adapter 0.6 hands Prisma a `timestamp` as its bare text ("2026-11-25 03:04:05"),
 * which Prisma's raw reads (`$queryRaw`) then take in the process's zone: on a machine set to
 * Shanghai every instant read that way came back eight hours off. The columns hold UTC, and
 * Prisma's own adapter for PostgreSQL marks the text so ("…T03:04:05+00:00"); this does the same
 * for every statement the adapter sends, in a transaction or not.
 */
export function utcTimestampsForPrisma(db: PGlite): PGlite {
  const marked = (options: Options): Options =>
    options?.parsers ? { ...options, parsers: { ...options.parsers, [TIMESTAMP]: (text: string) => `${text.replace(" ", "T")}+00:00` } } : options;
  const withQuery = <T extends object>(target: T): T =>
    new Proxy(target, {
      get(object, property) {
        if (property === "query") {
          const query = Reflect.get(object, property) as (sql: string, params?: unknown[], options?: Options) => unknown;
          return (sql: string, params?: unknown[], options?: Options) => query.call(object, sql, params, marked(options));
        }
        if (property === "transaction") {
          const transaction = Reflect.get(object, property) as (work: (tx: object) => unknown) => unknown;
          return (work: (tx: object) => unknown) => transaction.call(object, (tx: object) => work(withQuery(tx)));
        }
        const value = Reflect.get(object, property);
        return typeof value === "function" ? value.bind(object) : value;
      },
    });
  return withQuery(db);
}
