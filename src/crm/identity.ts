import type { Locale } from "../domain/localized.ts";
import type { Tx, User, Workspace } from "../db/types.ts";
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
