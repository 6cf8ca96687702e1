import { z } from "zod";
import { CUSTOMER_FIELDS } from "../domain/customer-fields.ts";

/**
 * The director's rules as data (DOMAIN.md §1, Chinese CRMs' 公海): the shared pool, when a
 * customer nobody works goes back to it, and when an overdue customer is escalated. Stage and
 * grade ids are checked against the stages when the playbook loads.
 */
const days = z.number({ error: "expected a number of days" }).int().min(1, { error: "expected at least 1 day" });

const scopeSchema = {
  stage: z.string().min(1),
  /** Only these grades of the stage; all of them when absent. */
  grades: z.array(z.string().min(1)).optional(),
};

export const poolSchema = z.strictObject({
  /** 保有量上限: open customers one rep may hold; claiming past it is refused. */
  holdingLimit: z.number().int().min(1).nullable().default(200),
  /** The rep who released a customer (or had it reclaimed) cannot claim it back for this long. */
  cooldownDays: z.number().int().min(0).default(30),
  /** What the pool shows of a released customer besides its number, company, stage and grade. */
  shownFields: z.array(z.enum(CUSTOMER_FIELDS)).default(["province", "city", "source", "size"]),
  /** Back to the pool when nobody touched it for `days` at a stage (and grades). */
  reclaim: z.array(z.strictObject({ ...scopeSchema, noTouchDays: days })).default([]),
  /** Back to the pool when not filed this many days after it was added. */
  unfiledDays: days.optional(),
  /** The owner is told this many days before a reclaim, with a button to log a touch. */
  noticeDays: z.number().int().min(0).default(3),
});

export const escalationSchema = z.array(z.strictObject({ ...scopeSchema, escalateAfter: days }));

export type PoolRules = z.output<typeof poolSchema>;
export type EscalationRule = z.output<typeof escalationSchema>[number];

/** Stage and grade ids in the pool and escalation rules must name the playbook's own. */
export function checkDirectorRules(
  playbook: { stages: { id: string; grades: { id: string }[] }[]; pool: PoolRules; escalation: EscalationRule[] },
  ctx: z.RefinementCtx,
): void {
  const check = (rule: { stage: string; grades?: string[] | undefined }, path: (string | number)[]) => {
    const stage = playbook.stages.find((s) => s.id === rule.stage);
    if (!stage) {
      ctx.addIssue({ code: "custom", path: [...path, "stage"], message: `unknown stage ${rule.stage}; stages: ${playbook.stages.map((s) => s.id).join(", ")}` });
      return;
    }
    rule.grades?.forEach((grade, i) => {
      if (!stage.grades.some((g) => g.id === grade)) {
        ctx.addIssue({ code: "custom", path: [...path, "grades", i], message: `${stage.id} has no grade ${grade}` });
      }
    });
  };
  playbook.pool.reclaim.forEach((rule, i) => check(rule, ["pool", "reclaim", i]));
  playbook.escalation.forEach((rule, i) => check(rule, ["escalation", i]));
}
