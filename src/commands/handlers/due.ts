import { dueCard, dueToday } from "../../customers/due-list.ts";
import { cardReply } from "../../reply.ts";
import type { CommandHandler } from "../context.ts";

const SHOWN = 15;

/** `due`: the caller's own list for today, whatever their role. */
export const due: CommandHandler = async (_command, ctx) => {
  const { caller, playbook, now } = ctx;
  const { m } = caller;
  const { items, total } = await dueToday(ctx.tx, playbook, { ...caller.user, timeZone: caller.timeZone }, now, SHOWN);
  if (total === 0) return cardReply(m.due.nothing(), []);
  const overdue = items.filter((i) => i.overdue).length;
  const cards = items.map((item) => dueCard(playbook, caller, item, now));
  const text = m.due.summary(total, overdue) + (total > items.length ? `\n${m.due.more(total - items.length)}` : "");
  return cardReply(text, cards);
};
