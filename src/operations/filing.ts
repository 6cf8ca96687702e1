import type { Customer } from "../db/types.ts";
import { fail } from "../errors.ts";
import { filingGaps, isFileable } from "../customers/filing.ts";
import { assertDirector, assertMayChange, type OperationContext } from "./context.ts";

/** Submits a prospect to the director once every required field and the call log are complete (备案). */
export async function submitFiling(ctx: OperationContext, customer: Customer): Promise<Customer> {
  assertMayChange(ctx.caller, customer);
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
  return ctx.tx.customer.update({ where: { id: customer.id }, data: { filingStatus: "pending", filedAt: ctx.now, filingNote: null } });
}

export async function approveFiling(ctx: OperationContext, customer: Customer): Promise<Customer> {
  assertDirector(ctx.caller);
  assertMayChange(ctx.caller, customer);
  if (customer.filingStatus !== "pending") fail("not_pending", (m) => m.errors.filingNotPending(customer.number));
  return ctx.tx.customer.update({ where: { id: customer.id }, data: { filingStatus: "approved", filingNote: null } });
}

/** The rep sees why and can file again. */
export async function rejectFiling(ctx: OperationContext, customer: Customer, why: string): Promise<Customer> {
  assertDirector(ctx.caller);
  assertMayChange(ctx.caller, customer);
  if (!why.trim()) fail("missing_reason", (m) => m.errors.missingRejectReason());
  if (customer.filingStatus !== "pending") fail("not_pending", (m) => m.errors.filingNotPending(customer.number));
  return ctx.tx.customer.update({ where: { id: customer.id }, data: { filingStatus: "rejected", filingNote: why.trim().slice(0, 500) } });
}
