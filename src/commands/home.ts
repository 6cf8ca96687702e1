import { dueCard, dueToday } from "../customers/due-list.ts";
import { pipelineCard } from "../customers/pipeline.ts";
import { card, type Reply } from "../reply.ts";
import type { CommandContext } from "./context.ts";

const SHOWN = 10;

/** A person's overview: the pipeline they are responsible for and today's list (Slack App Home). */
export async function home(ctx: CommandContext): Promise<Reply> {
  const { caller, playbook, now, tx } = ctx;
  const { m } = caller;
  const pipeline = await pipelineCard(tx, playbook, caller);
  const { items, total } = await dueToday(tx, playbook, { ...caller.user, timeZone: caller.timeZone }, now, SHOWN);
  const dueHeader = card(total === 0 ? m.due.nothing() : m.due.summary(total, items.filter((i) => i.overdue).length), {
    ...(total > items.length ? { footer: m.due.more(total - items.length) } : {}),
  });
  return {
    ok: true,
    ephemeral: false,
    text: m.home.title(caller.user.displayName),
    cards: [pipeline, dueHeader, ...items.map((item) => dueCard(playbook, caller, item, now))],
  };
}
