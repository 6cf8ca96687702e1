import type { Prisma } from "../db/database.ts";
import type { Tx } from "../db/types.ts";
import { PrismaNamespace } from "../db/types.ts";
import { cadenceFrom, touchesFromJson, touchesJsonSql } from "../customers/cadence-store.ts";
import type { Playbook } from "../playbook/playbook.schema.ts";
import { playbookForWorkspace } from "./workspace-playbook.ts";

/**
 * Recomputing every stored due date of a workspace after its work calendar or time zone
 * changed ("who is due today" reads them, so they must follow the new calendar).
 *
 * A workspace may hold 100,000 customers: one transaction over all of them took ~20 s at 3,000
 * and ran past the command's timeout, holding every customer row meanwhile. So it goes in
 * chunks of customers in number order, each chunk its own transaction of three statements (lock
 * the rows; read them with their touches; one UPDATE), with the cadence engine in between — the
 * rules stay in `playbook/cadence.ts`, the result is what the engine computes for each customer.
 *
 * The workspace row holds the progress (`cadenceRefreshAfter`: the last customer number done, null
 * when nothing is pending), so the work survives a restart and two refreshes never disagree:
 * each chunk locks the workspace row, reads the calendar and time zone as they are committed
 * then, and moves the cursor. A newer `setup calendar` resets the cursor to 0 and every chunk
 * after it uses the newer calendar, so the last setting wins for every customer.
 */
export const REFRESH_CHUNK = 1_000;

/** Starts a refresh in the caller's transaction (a setup command): the cursor to 0. */
export async function scheduleCadenceRefresh(tx: Tx, workspaceId: string): Promise<void> {
  await tx.workspace.update({ where: { id: workspaceId }, data: { cadenceRefreshAfter: 0 } });
}

/**
 * One chunk of the pending refresh, in the caller's transaction. Returns how many customers it
 * recomputed and whether the refresh is now complete (also true when none was pending).
 */
export async function refreshNextChunk(tx: Tx, playbook: Playbook, workspaceId: string, chunk = REFRESH_CHUNK): Promise<{ count: number; done: boolean }> {
  // Locked first: chunks of two refreshes, and a setup changing the calendar, go one at a time.
  const [workspace] = await tx.$queryRaw<{ calendar: string | null; timeZone: string; cadenceRefreshAfter: number | null }[]>`
    SELECT "calendar", "timeZone", "cadenceRefreshAfter" FROM "Workspace" WHERE "id" = ${workspaceId} FOR UPDATE`;
  if (!workspace || workspace.cadenceRefreshAfter === null) return { count: 0, done: true };
  const rules = playbookForWorkspace(playbook, workspace);
  // The customers' rows are locked before their touches are read (a statement of its own, so it
  // sees every touch committed before the lock): a touch logged meanwhile waits, then stores
  // its own, newer, result.
  const locked = await tx.$queryRaw<{ id: string; number: number }[]>`
    SELECT "id", "number" FROM "Customer"
     WHERE "workspaceId" = ${workspaceId} AND "number" > ${workspace.cadenceRefreshAfter} AND "nextDueAt" IS NOT NULL
     ORDER BY "number" LIMIT ${chunk} FOR UPDATE`;
  const last = locked.at(-1)?.number;
  if (last !== undefined) {
    const rows = await tx.$queryRaw<CustomerRow[]>`
      SELECT c."id", c."stage", c."grade", c."classifiedAt", c."stageEnteredAt", c."snoozedUntil", c."heldDue",
             ${touchesJsonSql(PrismaNamespace.sql`c."id"`, PrismaNamespace.sql`c."stageEnteredAt"`)} AS "touches"
        FROM "Customer" c
       WHERE c."id" = ANY(${locked.map((r) => r.id)}::text[])`;
    const computed = rows.map((row) => {
      const cadence = cadenceFrom(rules, row, touchesFromJson(row.touches));
      return { id: row.id, nextDueAt: cadence.nextDueAt?.toISOString() ?? null, nextDueChannel: cadence.nextDueChannel, overdueAt: cadence.overdueAt?.toISOString() ?? null };
    });
    // One statement for the chunk; rows whose dates did not move are left alone.
    await tx.$executeRaw`
      UPDATE "Customer" c
         SET "nextDueAt" = v."nextDueAt", "nextDueChannel" = v."nextDueChannel", "overdueAt" = v."overdueAt"
        FROM json_to_recordset(${JSON.stringify(computed)}::json) AS v("id" text, "nextDueAt" timestamp(3), "nextDueChannel" text, "overdueAt" timestamp(3))
       WHERE c."id" = v."id"
         AND (c."nextDueAt" IS DISTINCT FROM v."nextDueAt" OR c."nextDueChannel" IS DISTINCT FROM v."nextDueChannel" OR c."overdueAt" IS DISTINCT FROM v."overdueAt")`;
  }
  const done = last === undefined || locked.length < chunk;
  await tx.workspace.update({ where: { id: workspaceId }, data: { cadenceRefreshAfter: done ? null : last } });
  return { count: locked.length, done };
}

/**
 * Finishes a workspace's pending refresh, chunk by chunk, each in its own transaction, so the
 * commands of the team go on between them. Safe to run twice at once, and to resume.
 */
export async function finishCadenceRefresh(prisma: Prisma, playbook: Playbook, workspaceId: string, chunk = REFRESH_CHUNK): Promise<number> {
  let total = 0;
  for (;;) {
    const { count, done } = await prisma.$transaction((tx) => refreshNextChunk(tx, playbook, workspaceId, chunk), { maxWait: 20_000, timeout: 60_000 });
    total += count;
    if (done) return total;
  }
}

/** Every refresh left pending (the bot stopped in the middle of one): finished, one workspace after another. */
export async function resumeCadenceRefreshes(prisma: Prisma, playbook: Playbook): Promise<number> {
  const pending = await prisma.workspace.findMany({ where: { cadenceRefreshAfter: { not: null } }, select: { id: true } });
  let total = 0;
  for (const { id } of pending) total += await finishCadenceRefresh(prisma, playbook, id);
  return total;
}

interface CustomerRow {
  id: string;
  stage: string;
  grade: string | null;
  classifiedAt: Date;
  stageEnteredAt: Date;
  snoozedUntil: Date | null;
  heldDue: PrismaNamespace.JsonValue;
  touches: unknown;
}
