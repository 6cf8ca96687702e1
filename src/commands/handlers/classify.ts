import { pick } from "../../domain/localized.ts";
import { fail } from "../../errors.ts";
import { findCustomer } from "../../customers/find-customer.ts";
import { replyWithCustomer } from "../../customers/customer-view.ts";
import { classLabel, findLostReason, stageOfKind } from "../../customers/playbook-terms.ts";
import { reclassify, resolveClassification } from "../../customers/reclassify.ts";
import type { CommandContext, CommandHandler } from "../context.ts";
import { parseAmount } from "./amount.ts";

export const grade: CommandHandler = async (command, ctx) => {
  const customer = await findCustomer(ctx, command.words[0]?.value);
  const word = command.words[1]?.value;
  if (!word) fail("missing_grade", (m) => m.errors.missingGrade());
  const target = resolveClassification(ctx, customer, undefined, word);
  const moved = await reclassify(ctx, customer, target);
  return reply(ctx, moved);
};

export const stage: CommandHandler = async (command, ctx) => {
  const customer = await findCustomer(ctx, command.words[0]?.value);
  const word = command.words[1]?.value;
  if (!word) fail("missing_stage", (m) => m.errors.missingStage());
  const target = resolveClassification(ctx, customer, word, command.words[2]?.value);
  const kind = ctx.playbook.stages.find((s) => s.id === target.stage)?.kind;
  if (kind === "lost" && customer.stage !== target.stage) fail("use_lost", (m) => m.errors.useLost(customer.number));
  const reopening = customer.stage === stageOfKind(ctx.playbook, "lost").id && kind !== "lost";
  const moved = await reclassify(ctx, customer, target, reopening ? { lostReason: null } : {});
  return reply(ctx, moved);
};

/** `won <ref> [amount]` — amounts like 50000, 5万 or 1.2w. */
export const won: CommandHandler = async (command, ctx) => {
  const customer = await findCustomer(ctx, command.words[0]?.value);
  const raw = command.words[1]?.value;
  const amount = raw === undefined ? undefined : parseAmount(raw);
  if (amount === null) fail("bad_amount", (m) => m.errors.badAmount(raw!));
  const target = { stage: stageOfKind(ctx.playbook, "won").id, grade: null };
  const moved = await reclassify(ctx, customer, target, {
    wonAt: customer.wonAt ?? ctx.now,
    lostReason: null,
    ...(amount !== undefined ? { wonAmount: amount } : {}),
  });
  return reply(ctx, moved);
};

/** `lost <ref> <reason>` — a reason is required: the weekly report breaks losses down by it. */
export const lost: CommandHandler = async (command, ctx) => {
  const customer = await findCustomer(ctx, command.words[0]?.value);
  const text = command.restAfter(1).trim();
  const reasons = (ctx.playbook.lostReasons ?? []).map((r) => pick(r.name, ctx.caller.locale));
  if (!text) fail("missing_reason", (m) => m.errors.missingLostReason(reasons));
  const known = findLostReason(ctx.playbook, text);
  const target = { stage: stageOfKind(ctx.playbook, "lost").id, grade: null };
  const moved = await reclassify(ctx, customer, target, { lostReason: known?.id ?? text.slice(0, 500) });
  // The reason code feeds the report; the rep's own words stay in the history.
  await ctx.tx.activity.create({
    data: { workspaceId: customer.workspaceId, customerId: customer.id, userId: ctx.caller.user.id, channel: "note", content: text, at: ctx.now },
  });
  return reply(ctx, moved);
};

function reply(ctx: CommandContext, moved: Awaited<ReturnType<typeof reclassify>>) {
  const { customer, cadence } = moved;
  const label = classLabel(ctx.playbook, customer.stage, customer.grade, ctx.caller.locale);
  return replyWithCustomer(ctx, customer, ctx.caller.m.classify.done(customer.number, label), { cadence });
}
