import { describe, expect, it } from "vitest";
import { useCrm } from "../support/crm-fixture.ts";
import { csv } from "./files.ts";

const t = useCrm();

/** What a customer is, apart from its identity and name. */
async function shapeOf(company: string) {
  const c = await t.db.prisma.customer.findFirstOrThrow({
    where: { company },
    include: { changes: { orderBy: { at: "asc" } }, activities: true, orders: true },
  });
  const { id, number, company: _c, companyKey, mobile, createdAt, updatedAt, changes, activities, orders, ...rest } = c;
  return {
    ...rest,
    changes: changes.map(({ fromStage, toStage, fromGrade, toGrade, at }) => ({ fromStage, toStage, fromGrade, toGrade, at })),
    activities: activities.map(({ channel, content, at }) => ({ channel, content, at })),
    orders: orders.map(({ kind, amount, at }) => ({ kind, amount, at })),
  };
}

describe("an imported row is the customer `add` would have made", () => {
  const admin = t.person("same-admin", { workspace: "same" });
  const cases = [
    { label: "with a call log and a grade", add: "grade=A title=CEO province=广东 calllog='Talked twenty minutes about three hotel kitchen projects'", row: { Grade: "A", Title: "CEO", Province: "广东", "Call log": "Talked twenty minutes about three hotel kitchen projects" } },
    { label: "in another stage, with MAN", add: "stage=intention grade=B man=MA", row: { Stage: "intention", Grade: "B", MAN: "MA" } },
    { label: "added as won", add: "stage=won", row: { Stage: "won" } },
  ];

  for (const [i, c] of cases.entries()) {
    it(c.label, async () => {
      expect((await admin.run(`add 'Added ${i}' mobile=1370000000${i} ${c.add}`)).ok).toBe(true);
      const header = ["Company", "Mobile", ...Object.keys(c.row)];
      const dry = await t.crm.execute(admin.identity, "import", { files: [csv([header, [`Imported ${i}`, `1371000000${i}`, ...Object.values(c.row)]])] });
      expect((await admin.run(dry.confirm!)).ok).toBe(true);
      expect(await shapeOf(`Imported ${i}`)).toEqual(await shapeOf(`Added ${i}`));
    });
  }
});
