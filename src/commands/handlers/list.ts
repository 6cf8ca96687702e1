import { fail } from "../../errors.ts";
import { findPerson, looksLikePerson } from "../../crm/people.ts";
import { seesWholeTeam } from "../../crm/roles.ts";
import { classLabel, findGrade, findStage, stageName } from "../../customers/playbook-terms.ts";
import { dueMark } from "../../customers/customer-card.ts";
import { visibleCustomers } from "../../customers/visibility.ts";
import { card, cardReply } from "../../reply.ts";
import type { CommandHandler } from "../context.ts";

const PAGE = 30;
const MINE = new Set(["mine", "my", "我的"]);
const TEAM = new Set(["team", "all", "团队", "全部"]);

/** `list [stage] [grade] [mine|team]`: words may come in any order; each is recognised by what it names. */
export const list: CommandHandler = async (command, ctx) => {
  const { tx, caller, playbook } = ctx;
  const { m, locale } = caller;
  let scope: "mine" | "team" = seesWholeTeam(caller.user.role) ? "team" : "mine";
  let stageId: string | undefined;
  let grade: string | undefined;
  let owner: { id: string; displayName: string } | undefined;
  for (const { value } of command.words) {
    const word = value.toLowerCase();
    if (looksLikePerson(value)) {
      if (!seesWholeTeam(caller.user.role)) fail("forbidden", (m) => m.errors.teamIsForDirectors());
      owner = await findPerson(tx, caller.workspace.id, value);
      scope = "team";
    } else if (MINE.has(word)) scope = "mine";
    else if (TEAM.has(word)) {
      if (!seesWholeTeam(caller.user.role)) fail("forbidden", (m) => m.errors.teamIsForDirectors());
      scope = "team";
    } else if (findStage(playbook, value)) stageId = findStage(playbook, value)!.id;
    else if (playbook.stages.some((s) => findGrade(s, value))) grade = value.toUpperCase();
    else fail("bad_filter", (m) => m.errors.badListFilter(value));
  }
  const where = {
    ...visibleCustomers(caller),
    ...(scope === "mine" ? { ownerId: caller.user.id } : {}),
    ...(owner ? { ownerId: owner.id, pooledAt: null } : {}),
    ...(stageId ? { stage: stageId } : {}),
    ...(grade ? { grade } : {}),
  };
  const [total, rows] = await Promise.all([
    tx.customer.count({ where }),
    tx.customer.findMany({
      where,
      orderBy: [{ nextDueAt: { sort: "asc", nulls: "last" } }, { number: "asc" }],
      take: PAGE,
      include: { owner: { select: { displayName: true } } },
    }),
  ]);
  if (total === 0) return cardReply(m.list.empty(), []);
  const items = rows.map((c) => {
    const due = dueMark(c, ctx.now, caller);
    const owner = scope === "team" ? ` · ${c.owner.displayName}` : "";
    return `#${c.number} ${c.company} · ${classLabel(playbook, c.stage, c.grade, locale)}${owner}${due ? ` · ${due}` : ""}`;
  });
  const footer = total > rows.length ? m.list.more(total - rows.length) : undefined;
  // The title says what was asked for, and is the reply's only title.
  const filter = [stageId ? stageName(playbook, stageId, locale) : "", grade ? m.list.gradeFilter(grade) : ""].filter(Boolean).join(" ");
  const title = owner ? m.list.ofRep(owner.displayName, total, filter) : scope === "team" ? m.list.teamTitle(total, filter) : m.list.mineTitle(total, filter);
  return cardReply("", [card(title, { sections: [{ title: "", items }], ...(footer ? { footer } : {}) })]);
};
