import { fail } from "../../errors.ts";
import { findPerson, looksLikePerson } from "../../crm/people.ts";
import { assertDirector } from "../../operations/index.ts";
import { dueCard, dueToday } from "../../customers/due-list.ts";
import { teamDueToday } from "../../customers/team-due.ts";
import { card, cardReply } from "../../reply.ts";
import type { CommandContext, CommandHandler } from "../context.ts";
import { refuseUnread } from "../unread.ts";

const SHOWN = 15;
const TEAM = new Set(["team", "all", "团队", "全部"]);

/** `due`: the caller's own list for today; `due team` and `due @rep` for directors. */
export const due: CommandHandler = async (command, ctx) => {
  const word = command.words[0]?.value;
  refuseUnread(command, 1);
  if (word === undefined) return ownList(ctx, { ...ctx.caller.user, timeZone: ctx.caller.timeZone }, null);
  assertDirector(ctx.caller);
  if (TEAM.has(word.toLowerCase())) return teamList(ctx);
  if (!looksLikePerson(word)) fail("bad_filter", (m) => m.errors.badDueFilter(word));
  const rep = await findPerson(ctx.tx, ctx.caller.workspace.id, word);
  // The director's day: "today" is where the director reads it.
  return ownList(ctx, { ...rep, timeZone: ctx.caller.timeZone }, rep.displayName);
};

async function ownList(ctx: CommandContext, owner: { id: string; workspaceId: string; timeZone: string }, name: string | null) {
  const { caller, playbook, now } = ctx;
  const { m } = caller;
  const { items, total } = await dueToday(ctx.tx, playbook, owner, now, SHOWN);
  if (total === 0) return cardReply(name ? m.due.nothingFor(name) : m.due.nothing(), []);
  const overdue = items.filter((i) => i.overdue).length;
  const cards = items.map((item) => dueCard(playbook, caller, item, now));
  const summary = name ? m.due.summaryFor(name, total, overdue) : m.due.summary(total, overdue);
  return cardReply(summary + (total > items.length ? `\n${m.due.more(total - items.length)}` : ""), cards);
}

async function teamList(ctx: CommandContext) {
  const { caller, playbook, now } = ctx;
  const { m } = caller;
  const team = await teamDueToday(ctx.tx, playbook, caller, now, SHOWN);
  if (team.total === 0) return cardReply(m.due.teamNothing(), []);
  const perRep = card(m.due.teamByRep(), { fields: team.reps.map((r) => ({ label: r.name, value: m.due.repCounts(r.total, r.overdue) })) });
  const cards = team.items.map((item) => {
    const c = dueCard(playbook, caller, item, now);
    return { ...c, title: `${c.title} · ${item.ownerName}` };
  });
  const overdue = team.reps.reduce((n, r) => n + r.overdue, 0);
  return cardReply(m.due.teamSummary(team.total, overdue, team.reps.length), [perRep, ...cards]);
}
