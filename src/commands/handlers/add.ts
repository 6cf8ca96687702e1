import { companyKey } from "../../domain/customer-fields.ts";
import { DomainError, fail } from "../../errors.ts";
import { refreshCadence } from "../../customers/cadence-store.ts";
import { replyWithCustomer } from "../../customers/customer-view.ts";
import { readFieldInput } from "../../customers/field-input.ts";
import { resolveClassification } from "../../customers/reclassify.ts";
import { addForm } from "../../customers/add-form.ts";
import { refuseDuplicate } from "../../customers/duplicates.ts";
import { cardReply } from "../../reply.ts";
import type { CommandHandler } from "../context.ts";

/**
 * `add <company> key=value…` files a new prospect owned by the caller, after the workspace-wide
 * duplicate check (same mobile number or company).
 */
export const add: CommandHandler = async (command, ctx) => {
  const { tx, caller, now } = ctx;
  const { m } = caller;
  if (command.words.length === 0 && command.pairs.length === 0) {
    return cardReply(m.add.formIntro(), [addForm(ctx)]);
  }
  const input = readFieldInput(command.pairs);
  const typedCompany = command.words.map((w) => w.value).join(" ").trim();
  if (typedCompany && input.fields.company) {
    fail("company_twice", (m) => m.errors.companyTwice());
  }
  const company = input.fields.company ?? typedCompany;
  if (!company) {
    throw new DomainError("missing_company", (m) => m.errors.required(m.fields.company), {
      company: (m) => m.errors.required(m.fields.company),
    });
  }
  const klass = resolveClassification(ctx, null, input.stage, input.grade);
  const key = companyKey(company);
  const mobile = input.fields.mobile ?? null;
  // Taking the next number locks the workspace row until commit, so two reps adding the same
  // company at once are checked one after the other (a refusal rolls the number back).
  const { nextCustomerNo } = await tx.workspace.update({
    where: { id: caller.workspace.id },
    data: { nextCustomerNo: { increment: 1 } },
    select: { nextCustomerNo: true },
  });
  if (!input.force) await refuseDuplicate(tx, caller.workspace.id, { companyKey: key, mobile });
  const { fields } = input;
  const created = await tx.customer.create({
    data: {
      workspaceId: caller.workspace.id,
      number: nextCustomerNo - 1,
      ownerId: caller.user.id,
      ...fields,
      company,
      companyKey: key,
      stage: klass.stage,
      grade: klass.grade,
      manMoney: input.man?.money ?? false,
      manAuthority: input.man?.authority ?? false,
      manNeed: input.man?.need ?? false,
      classifiedAt: now,
      stageEnteredAt: now,
      createdAt: now,
    },
  });
  await tx.stageChange.create({
    data: {
      workspaceId: created.workspaceId,
      customerId: created.id,
      userId: caller.user.id,
      toStage: klass.stage,
      toGrade: klass.grade,
      at: now,
    },
  });
  if (input.callLog) {
    await tx.activity.create({
      data: { workspaceId: created.workspaceId, customerId: created.id, userId: caller.user.id, channel: "call", content: input.callLog, at: now },
    });
  }
  const { customer, cadence } = await refreshCadence(tx, ctx.playbook, created);
  return replyWithCustomer(ctx, customer, m.add.done(customer.number, customer.company), { cadence });
};
