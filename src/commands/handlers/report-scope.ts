import type { Caller } from "../../crm/caller.ts";
import { seesWholeTeam } from "../../crm/roles.ts";
import type { Tx } from "../../db/types.ts";
import { fail } from "../../errors.ts";
import type { Report } from "../../reports/report.ts";

const MINE = new Set(["mine", "my", "me", "我的", "我"]);
const TEAM = new Set(["team", "all", "团队", "全部", "全队"]);

export function isScopeWord(word: string): boolean {
  const w = word.toLowerCase();
  return MINE.has(w) || TEAM.has(w) || /^[@＠]/.test(w) || /^<@[^>]+>$/.test(w);
}

/**
 * Whose report: a rep's own only; a director's the team's (the default) or one person's,
 * named as a Slack mention `<@U123|name>`, a Feishu open_id, or `@displayName`.
 */
export async function reportScope(tx: Tx, caller: Caller, word: string | undefined): Promise<Report["scope"]> {
  const director = seesWholeTeam(caller.user.role);
  const self = { kind: "rep" as const, userId: caller.user.id, name: caller.user.displayName };
  if (word === undefined) return director ? { kind: "team" } : self;
  const w = word.toLowerCase();
  if (MINE.has(w)) return self;
  if (TEAM.has(w)) {
    if (!director) fail("forbidden", (m) => m.reports.errors.repsSeeOwn());
    return { kind: "team" };
  }
  const person = await findPerson(tx, caller.workspace.id, word);
  if (person.id !== caller.user.id && !director) fail("forbidden", (m) => m.reports.errors.repsSeeOwn());
  return { kind: "rep", userId: person.id, name: person.displayName };
}

async function findPerson(tx: Tx, workspaceId: string, who: string) {
  const mentioned = /^<@([^|>]+)(?:\|[^>]*)?>$/.exec(who)?.[1];
  const name = who.replace(/^[@＠]/, "");
  const matches = await tx.user.findMany({
    where: { workspaceId, OR: mentioned ? [{ externalId: mentioned }] : [{ externalId: name }, { displayName: { equals: name, mode: "insensitive" } }] },
    orderBy: { externalId: "asc" },
    take: 10,
  });
  const exact = matches.find((u) => u.externalId === (mentioned ?? name)) ?? (matches.length === 1 ? matches[0] : undefined);
  if (!exact && matches.length > 1) {
    const ids = matches.map((u) => `${u.displayName} (${u.externalId})`);
    fail("ambiguous_user", (m) => m.errors.ambiguousUser(who, ids));
  }
  if (!exact) fail("no_user", (m) => m.errors.noSuchUser(who));
  return exact;
}
