import { fail } from "../../errors.ts";
import { findCustomer } from "../../customers/find-customer.ts";
import { replyWithCustomer } from "../../customers/customer-view.ts";
import { parseNumberRef, actionRef } from "../../customers/customer-ref.ts";
import { classLabel, findGrade, findStage } from "../../customers/playbook-terms.ts";
import { formatDate } from "../../format/dates.ts";
import { claimCustomer, releaseCustomer } from "../../operations/index.ts";
import { card, cardReply, textReply } from "../../reply.ts";
import type { CommandHandler } from "../context.ts";
import { refuseUnread } from "../unread.ts";

const PAGE = 20;

/** `release <ref> <reason>` (释放): back to the shared pool, for any rep to claim. */
export const release: CommandHandler = async (command, ctx) => {
  const customer = await findCustomer(ctx, command.words[0]?.value);
  const released = await releaseCustomer(ctx, customer, command.restAfter(1));
  return textReply(ctx.caller.m.pool.released(released.number, released.company));
};

/** `claim <ref>` (领取): a pooled customer becomes the caller's, within the holding limit. */
export const claim: CommandHandler = async (command, ctx) => {
  const ref = command.words[0]?.value;
  refuseUnread(command, 1);
  if (!ref) fail("missing_ref", (m) => m.errors.missingRef());
  const numbered = parseNumberRef(ref);
  if (!numbered) fail("usage", (m) => m.errors.claimNeedsNumber());
  if (numbered.workspace !== undefined && numbered.workspace !== ctx.caller.workspace.externalId) fail("other_workspace", (m) => m.errors.otherWorkspace());
  const customer = await ctx.tx.customer.findUnique({ where: { workspaceId_number: { workspaceId: ctx.caller.workspace.id, number: numbered.number } } });
  if (!customer) fail("not_found", (m) => m.errors.noSuchNumber(numbered.number));
  const claimed = await claimCustomer(ctx, customer);
  return replyWithCustomer(ctx, claimed, ctx.caller.m.pool.claimed(claimed.number, claimed.company));
};

/**
 * `pool [stage] [grade]` (公海): what is in the shared pool, with what the playbook lets a rep
 * see of a released customer (never the previous owner's notes or the decision-maker's mobile).
 */
export const pool: CommandHandler = async (command, ctx) => {
  const { tx, caller, playbook } = ctx;
  const { m, locale, timeZone } = caller;
  let stage: string | undefined;
  let grade: string | undefined;
  for (const { value } of command.words) {
    const s = findStage(playbook, value);
    if (s) stage = s.id;
    else if (playbook.stages.some((st) => findGrade(st, value))) grade = value.toUpperCase();
    else fail("bad_filter", (m) => m.errors.badPoolFilter(value));
  }
  const where = { workspaceId: caller.workspace.id, pooledAt: { not: null }, ...(stage ? { stage } : {}), ...(grade ? { grade } : {}) };
  const [total, rows] = await Promise.all([
    tx.customer.count({ where }),
    tx.customer.findMany({ where, orderBy: [{ pooledAt: "desc" }, { number: "asc" }], take: PAGE }),
  ]);
  // Named as lists name it: "意向客户 A级" / "Intention · A", or just the grade ("A级" / "grade A").
  const filter = stage ? classLabel(playbook, stage, grade ?? null, locale) : grade ? m.list.gradeFilter(grade) : "";
  const title = m.pool.title(total, filter);
  if (total === 0) return textReply(m.pool.empty(filter));
  const shown = playbook.pool.shownFields;
  const cards = rows.map((c) => {
    const details = shown.map((f) => c[f]).filter((v): v is string => typeof v === "string" && v !== "");
    return card(`#${c.number} ${c.company}`, {
      subtitle: classLabel(playbook, c.stage, c.grade, locale),
      sections: [{ title: "", items: [...(details.length ? [details.join(" · ")] : []), m.pool.since(formatDate(c.pooledAt!, timeZone, locale))] }],
      actions: [{ kind: "run", label: m.pool.claimButton, command: `claim ${actionRef(c, caller.workspace)}`, style: "primary" }],
    });
  });
  return cardReply(total > rows.length ? `${title}\n${m.pool.more(total - rows.length)}` : title, cards);
};
