import type { Tx, User } from "../db/types.ts";
import { DomainError, fail } from "../errors.ts";

/** Whether a word names a person: Slack's `<@U123|name>`, `@name`, or an id the platform gave. */
export function looksLikePerson(word: string): boolean {
  return /^<@[^>]+>$/.test(word) || /^[@＠]\S+/.test(word);
}

/**
 * The workspace member a command names. Mentions arrive as Slack's `<@U123|name>`, Feishu's
 * open_id, or a display name typed in the console; an exact platform id wins, and two people
 * with the same display name must be told apart.
 */
export async function findPerson(tx: Tx, workspaceId: string, who: string): Promise<User> {
  const mentioned = /^<@([^|>]+)(?:\|[^>]*)?>$/.exec(who)?.[1];
  const name = who.replace(/^[@＠]/, "");
  const matches = await tx.user.findMany({
    where: {
      workspaceId,
      OR: mentioned ? [{ externalId: mentioned }] : [{ externalId: name }, { displayName: { equals: name, mode: "insensitive" } }],
    },
    orderBy: { externalId: "asc" },
    take: 10,
  });
  const target = matches.find((u) => u.externalId === (mentioned ?? name)) ?? (matches.length === 1 ? matches[0] : undefined);
  if (!target && matches.length > 1) {
    const ids = matches.map((u) => `${u.displayName} (${u.externalId})`);
    throw new DomainError("ambiguous_user", (m) => m.errors.ambiguousUser(who, ids));
  }
  if (!target) fail("no_user", (m) => m.errors.noSuchUser(who));
  return target;
}
