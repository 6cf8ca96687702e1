import type { Caller } from "../crm/caller.ts";
import type { Tx } from "../db/types.ts";
import { pick } from "../domain/localized.ts";
import type { Playbook } from "../playbook/playbook.schema.ts";
import { card, type Card } from "../reply.ts";
import { visibleCustomers } from "./visibility.ts";
import { gradeBreakdown } from "./playbook-terms.ts";

/** Customers per stage and grade, in funnel order — the shape of the inverted pyramid. */
export async function pipelineCard(tx: Tx, playbook: Playbook, caller: Caller): Promise<Card> {
  const { m, locale } = caller;
  const groups = await tx.customer.groupBy({
    by: ["stage", "grade"],
    where: visibleCustomers(caller),
    _count: { _all: true },
  });
  const count = (stage: string, grade?: string) =>
    groups.filter((g) => g.stage === stage && (grade === undefined || g.grade === grade)).reduce((n, g) => n + g._count._all, 0);
  const fields = playbook.stages.map((stage) => {
    const grades = stage.grades.map((g) => ({ grade: g.id, count: count(stage.id, g.id) }));
    return { label: pick(stage.name, locale), value: gradeBreakdown(count(stage.id), grades, locale) };
  });
  return card(m.home.pipeline(), { fields });
}
