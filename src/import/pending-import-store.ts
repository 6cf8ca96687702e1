import { randomUUID } from "node:crypto";
import type { Caller } from "../crm/caller.ts";
import type { Tx } from "../db/types.ts";
import { DomainError } from "../errors.ts";
import { PENDING_IMPORT_TTL_MS } from "./limits.ts";
import type { PlannedRow } from "./plan-import.ts";

/**
 * Keeps a dry run's rows to create until its confirm: in the database, because the button may
 * be clicked on another replica, or after a restart. A person's newer dry run replaces their
 * older one, and dry runs past their expiry are cleared on the way.
 */
export async function savePendingImport(tx: Tx, caller: Caller, fileName: string, rows: PlannedRow[], now: Date): Promise<string> {
  await tx.pendingImport.deleteMany({
    where: {
      OR: [
        { expiresAt: { lt: now } },
        { workspaceId: caller.workspace.id, userId: caller.user.id, confirmedAt: null },
      ],
    },
  });
  const id = randomUUID();
  await tx.$executeRawUnsafe(
    `INSERT INTO "PendingImport" ("id", "workspaceId", "userId", "fileName", "rows", "createdAt", "expiresAt") VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7)`,
    id, caller.workspace.id, caller.user.id, fileName, JSON.stringify(rows), now, new Date(now.getTime() + PENDING_IMPORT_TTL_MS),
  );
  return id;
}

/**
 * Marks the caller's pending import as confirmed and hands back its rows. The mark is taken in
 * the command's transaction: if writing the rows fails, it is rolled back with them.
 */
export async function claimPendingImport(tx: Tx, caller: Caller, id: string, now: Date): Promise<{ fileName: string; rows: PlannedRow[] }> {
  const pending = /^[0-9a-f-]{36}$/i.test(id)
    ? await tx.pendingImport.findFirst({ where: { id, workspaceId: caller.workspace.id } })
    : null;
  if (!pending) throw new DomainError("import_gone", (m) => m.transfer.errors.pendingGone());
  if (pending.userId !== caller.user.id) throw new DomainError("forbidden", (m) => m.transfer.errors.pendingNotYours());
  if (pending.confirmedAt) throw new DomainError("import_done", (m) => m.transfer.errors.pendingDone());
  if (pending.expiresAt <= now) throw new DomainError("import_expired", (m) => m.transfer.errors.pendingExpired());
  // Two clicks at once: the second waits on this row and then finds it confirmed.
  const { count } = await tx.pendingImport.updateMany({ where: { id, confirmedAt: null }, data: { confirmedAt: now } });
  if (count !== 1) throw new DomainError("import_done", (m) => m.transfer.errors.pendingDone());
  return { fileName: pending.fileName, rows: pending.rows as unknown as PlannedRow[] };
}

export async function cancelPendingImport(tx: Tx, caller: Caller, id: string): Promise<{ fileName: string }> {
  const pending = /^[0-9a-f-]{36}$/i.test(id)
    ? await tx.pendingImport.findFirst({ where: { id, workspaceId: caller.workspace.id, userId: caller.user.id, confirmedAt: null } })
    : null;
  if (!pending) throw new DomainError("import_gone", (m) => m.transfer.errors.pendingGone());
  await tx.pendingImport.delete({ where: { id } });
  return { fileName: pending.fileName };
}
