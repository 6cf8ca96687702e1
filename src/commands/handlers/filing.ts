import { fail } from "../../errors.ts";
import { seesWholeTeam } from "../../crm/roles.ts";
import { filingGaps, isFileable } from "../../customers/filing.ts";
import { findCustomer } from "../../customers/find-customer.ts";
import { replyWithCustomer } from "../../customers/customer-view.ts";
import type { CommandHandler } from "../context.ts";

/** `file <ref>`: submits the prospect to the director once every required field is complete (备案). */
export const file: CommandHandler = async (command, ctx) => {
  const customer = await findCustomer(ctx, command.words[0]?.value);
  const { number, filingStatus } = customer;
  if (filingStatus === "pending") fail("already_pending", (m) => m.errors.filingPending(number));
  if (filingStatus === "approved") fail("already_approved", (m) => m.errors.filingApproved(number));
  const gaps = await filingGaps(ctx.tx, ctx.playbook, customer);
  if (!isFileable(gaps)) {
    fail("filing_incomplete", (m) =>
      m.errors.filingIncomplete(
        number,
        gaps.missing.map((f) => m.fields[f]),
        gaps.callLogChars < gaps.callLogNeeded ? { have: gaps.callLogChars, need: gaps.callLogNeeded } : null,
      ),
    );
  }
  const filed = await ctx.tx.customer.update({
    where: { id: customer.id },
    data: { filingStatus: "pending", filedAt: ctx.now, filingNote: null },
  });
  return replyWithCustomer(ctx, filed, ctx.caller.m.filing.submitted(number));
};

export const approve: CommandHandler = async (command, ctx) => {
  requireDirector(ctx.caller.user.role);
  const customer = await findCustomer(ctx, command.words[0]?.value);
  if (customer.filingStatus !== "pending") fail("not_pending", (m) => m.errors.filingNotPending(customer.number));
  const approved = await ctx.tx.customer.update({ where: { id: customer.id }, data: { filingStatus: "approved", filingNote: null } });
  return replyWithCustomer(ctx, approved, ctx.caller.m.filing.approved(customer.number));
};

/** `reject <ref> <why>`: the rep sees why and can file again. */
export const reject: CommandHandler = async (command, ctx) => {
  requireDirector(ctx.caller.user.role);
  const customer = await findCustomer(ctx, command.words[0]?.value);
  const why = command.restAfter(1).trim();
  if (!why) fail("missing_reason", (m) => m.errors.missingRejectReason());
  if (customer.filingStatus !== "pending") fail("not_pending", (m) => m.errors.filingNotPending(customer.number));
  const rejected = await ctx.tx.customer.update({
    where: { id: customer.id },
    data: { filingStatus: "rejected", filingNote: why.slice(0, 500) },
  });
  return replyWithCustomer(ctx, rejected, ctx.caller.m.filing.rejected(customer.number, why));
};

function requireDirector(role: string): void {
  if (!seesWholeTeam(role)) fail("forbidden", (m) => m.errors.directorsOnly());
}
