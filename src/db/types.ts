import type { Prisma as PrismaNamespace } from "../../generated/prisma/client.ts";

export type { Activity, Customer, Order, OwnerChange, StageChange, User, Workspace } from "../../generated/prisma/client.ts";
export type Tx = PrismaNamespace.TransactionClient;
export { Prisma as PrismaNamespace } from "../../generated/prisma/client.ts";

/**
 * Whether a unique constraint refused the row: Prisma's P2002, or PostgreSQL's 23505 as the
 * PGlite adapter (built for an older Prisma) reports it, unwrapped.
 */
export function isUniqueViolation(error: unknown): boolean {
  for (let e = error, depth = 0; typeof e === "object" && e !== null && depth < 4; depth++) {
    const { code, originalCode } = e as { code?: unknown; originalCode?: unknown };
    if (code === "P2002" || code === "23505" || originalCode === "23505") return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
