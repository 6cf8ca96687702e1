import type { Prisma as PrismaNamespace } from "../../generated/prisma/client.ts";

export type { Activity, Customer, StageChange, User, Workspace } from "../../generated/prisma/client.ts";
export type Tx = PrismaNamespace.TransactionClient;
export { Prisma as PrismaNamespace } from "../../generated/prisma/client.ts";

/** Prisma's code for a unique constraint that refused a row. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}
