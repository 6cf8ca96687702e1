/**
 * The customer operations: every write to a customer goes through one of these, each taking
 * the command's transaction, the caller and a typed input, and alone responsible for its
 * invariants (who may change what, the stage history, orders, activities, the cadence).
 * Commands, imports, the shared pool and jobs all call them; none writes a customer directly.
 */
export { addCustomer, type NewCustomer } from "./add-customer.ts";
export { addCustomers, type NewCustomerRow } from "./add-customers.ts";
export { editCustomer, type CustomerEdit } from "./edit-customer.ts";
export { recordTouch, MAX_NOTE } from "./record-touch.ts";
export { moveCustomer } from "./move.ts";
export { win, addOrder, type OrderInput } from "./win.ts";
export { lose, type LossInput } from "./lose.ts";
export { snooze, MAX_SNOOZE_DAYS } from "./snooze.ts";
export { submitFiling, approveFiling, rejectFiling } from "./filing.ts";
export { changeOwner } from "./change-owner.ts";
export { resolveClassification, stageKind, type Classification } from "./classification.ts";
export { assertMayChange, assertDirector, type OperationContext } from "./context.ts";
export type { Moved } from "./reclassify.ts";
export { releaseCustomer, claimCustomer } from "./pool.ts";
export { handOverAll } from "./hand-over-all.ts";
