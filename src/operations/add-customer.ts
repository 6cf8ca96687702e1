import type { Customer } from "../db/types.ts";
import { companyKey } from "../domain/customer-fields.ts";
import { DomainError, fail } from "../errors.ts";
import { refreshCadence } from "../customers/cadence-store.ts";
import { refuseDuplicate } from "../customers/duplicates.ts";
import { enforceNewCustomerPrerequisites } from "../customers/stage-prerequisites.ts";
import type { FieldInput } from "../customers/field-input.ts";
import { resolveClassification, stageKind } from "./classification.ts";
import type { OperationContext } from "./context.ts";
import { applyMove, type Moved } from "./reclassify.ts";
import { win } from "./win.ts";

export interface NewCustomer {
  fields: FieldInput["fields"];
  stage?: string;
  grade?: string;
  man?: FieldInput["man"];
  /** Recorded as the first call. */
  callLog?: string;
  /**
   * Create even when the duplicate check finds the company or mobile number; from a director,
   * also past the prerequisites of the stage it is added at (recorded as forced).
   */
  force?: boolean;
}

/**
 * Adds a prospect owned by the caller, after the workspace-wide duplicate check (same mobile
 * number or company). A customer added as won gets its first order, amount unknown; one cannot
 * be added as lost (a loss needs a reason and a history), nor straight into a stage whose
 * prerequisites it cannot meet yet unless a director forces it, as `stage` would need.
 */
export async function addCustomer(ctx: OperationContext, input: NewCustomer): Promise<Moved> {
  const { tx, caller, now, playbook } = ctx;
  const company = input.fields.company;
  if (!company) {
    throw new DomainError("missing_company", (m) => m.errors.required(m.fields.company), {
      company: (m) => m.errors.required(m.fields.company),
    });
  }
  const klass = resolveClassification(ctx, null, input.stage, input.grade);
  const kind = stageKind(playbook, klass.stage);
  if (kind === "lost") fail("new_customer_lost", (m) => m.errors.newCustomerLost());
  const forced = kind === "open" && enforceNewCustomerPrerequisites(playbook, caller, klass.stage, input.force ?? false);
  const key = companyKey(company);
  // Taking the next number locks the workspace row until commit, so two reps adding the same
  // company at once are checked one after the other (a refusal rolls the number back).
  const { nextCustomerNo } = await tx.workspace.update({
    where: { id: caller.workspace.id },
    data: { nextCustomerNo: { increment: 1 } },
    select: { nextCustomerNo: true },
  });
  // A private buyer's name is not unique (王先生): only the mobile number tells two apart.
  const individual = playbook.individualBuyers && input.fields.contact === company;
  if (!input.force) await refuseDuplicate(tx, caller.workspace.id, { ...(individual ? {} : { companyKey: key }), mobile: input.fields.mobile ?? null });
  // A won customer enters the funnel where deals start, then wins: the history shows both.
  const entry = kind === "won" ? resolveClassification(ctx, null, undefined, undefined) : klass;
  const created: Customer = await tx.customer.create({
    data: {
      workspaceId: caller.workspace.id,
      number: nextCustomerNo - 1,
      ownerId: caller.user.id,
      ...input.fields,
      company,
      companyKey: key,
      stage: entry.stage,
      grade: entry.grade,
      manMoney: input.man?.money ?? false,
      manAuthority: input.man?.authority ?? false,
      manNeed: input.man?.need ?? false,
      classifiedAt: now,
      stageEnteredAt: now,
      createdAt: now,
      ...(input.callLog ? { lastTouchAt: now } : {}),
    },
  });
  await tx.stageChange.create({
    data: { workspaceId: created.workspaceId, customerId: created.id, userId: caller.user.id, toStage: entry.stage, toGrade: entry.grade, forced, at: now },
  });
  if (input.callLog) {
    await tx.activity.create({
      data: { workspaceId: created.workspaceId, customerId: created.id, userId: caller.user.id, channel: "call", content: input.callLog, at: now },
    });
  }
  if (kind === "won") return win(ctx, created, { amount: null });
  return applyMove(ctx, created, entry);
}
