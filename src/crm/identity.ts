import type { Locale } from "../domain/localized.ts";
import type { Prisma } from "../db/database.ts";
import { queryRows } from "../db/direct-sql.ts";
import { PrismaNamespace, type Tx, type User, type Workspace } from "../db/types.ts";
import { DEFAULT_TIME_ZONE, isValidTimeZone } from "../format/dates.ts";

/** Who is speaking, as the adapter knows them. */
export interface Identity {
  platform: string;
  workspaceId: string;
  workspaceName?: string;
  userId: string;
  /** Unset when the platform could not tell (a failed lookup): the stored name is kept. */
  displayName?: string;
  timeZone?: string;
  /** The language a new user starts with; they can change it later with `lang`. */
  locale?: Locale;
  /** A language forced for every reply (the console's CRM_LOCALE), whatever the user chose. */
  localeOverride?: Locale;
  /** Where the command was typed (Slack channel id, Feishu chat_id), when there is such a place. */
  channelId?: string;
  /** The role a brand-new user gets; otherwise the first user of a workspace is its admin, later ones reps. */
  initialRole?: string;
}

/**
 * The common case — a known person in a known workspace, nothing to update — in one statement
 * and no transaction; null when `ensureCaller` has something to create or change. Every command
 * starts here, so its cost is paid on every message.
 */
export async function findCaller(prisma: Prisma, identity: Identity): Promise<{ workspace: Workspace; user: User } | null> {
  const rows = await queryRows<{ workspace: Record<string, unknown>; user: Record<string, unknown> }>(prisma, PrismaNamespace.sql`
    SELECT to_jsonb(w) AS "workspace", to_jsonb(u) AS "user"
      FROM "Workspace" w JOIN "User" u ON u."workspaceId" = w."id" AND u."externalId" = ${identity.userId}
     WHERE w."platform" = ${identity.platform} AND w."externalId" = ${identity.workspaceId}`);
  const row = rows[0];
  if (!row) return null;
  const workspace = revive<Workspace>(row.workspace, WORKSPACE_DATES);
  const user = revive<User>(row.user, USER_DATES);
  const timeZone = identity.timeZone && isValidTimeZone(identity.timeZone) ? identity.timeZone : undefined;
  const changed = (identity.displayName !== undefined && identity.displayName !== user.displayName) || (timeZone !== undefined && timeZone !== user.timeZone);
  return changed ? null : { workspace, user };
}

// The timestamp columns, which JSON carries as text without a zone (they are stored in UTC).
// test/crm/find-caller.test.ts compares with Prisma's own reads, so a new column is not missed.
const WORKSPACE_DATES = ["createdAt"] as const satisfies readonly (keyof Workspace)[];
const USER_DATES = ["createdAt", "pendingUntil"] as const satisfies readonly (keyof User)[];

function revive<T>(json: Record<string, unknown>, dates: readonly string[]): T {
  const row: Record<string, unknown> = { ...json };
  for (const key of dates) {
    const value = row[key];
    if (typeof value === "string") row[key] = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`);
  }
  return row as T;
}

/**
 * Finds or creates the workspace and user behind an identity. The first person in a workspace
 * administers it: someone has to be able to name the director.
 */
export async function ensureCaller(tx: Tx, identity: Identity): Promise<{ workspace: Workspace; user: User }> {
  const timeZone = identity.timeZone && isValidTimeZone(identity.timeZone) ? identity.timeZone : undefined;
  // A new workspace starts in its first person's zone and language (`setup timezone|lang` changes them).
  const workspace = await tx.workspace.upsert({
    where: { platform_externalId: { platform: identity.platform, externalId: identity.workspaceId } },
    create: {
      platform: identity.platform,
      externalId: identity.workspaceId,
      name: identity.workspaceName ?? null,
      ...(timeZone ? { timeZone } : {}),
      ...(identity.locale ? { locale: identity.locale } : {}),
    },
    update: {},
  });
  const existing = await tx.user.findUnique({
    where: { workspaceId_externalId: { workspaceId: workspace.id, externalId: identity.userId } },
  });
  if (existing) {
    const displayName = identity.displayName ?? existing.displayName;
    const changed = existing.displayName !== displayName || (timeZone !== undefined && existing.timeZone !== timeZone);
    if (!changed) return { workspace, user: existing };
    const user = await tx.user.update({
      where: { id: existing.id },
      data: { displayName, ...(timeZone ? { timeZone } : {}) },
    });
    return { workspace, user };
  }
  const isFirst = (await tx.user.count({ where: { workspaceId: workspace.id } })) === 0;
  const user = await tx.user.create({
    data: {
      workspaceId: workspace.id,
      externalId: identity.userId,
      displayName: identity.displayName ?? identity.userId,
      role: identity.initialRole ?? (isFirst ? "admin" : "rep"),
      timeZone: timeZone ?? workspace.timeZone ?? DEFAULT_TIME_ZONE,
      locale: identity.locale ?? workspace.locale,
    },
  });
  return { workspace, user };
}
