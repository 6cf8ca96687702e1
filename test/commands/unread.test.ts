import { describe, expect, it } from "vitest";
import { addAs, useCrm } from "../support/crm-fixture.ts";

/** Words and pairs a command has no place for are refused and named, and nothing is written. */
const t = useCrm();

describe("what a command cannot place is refused, never dropped", () => {
  it.each([
    ["show #N please", "please"],
    ["file #N now", "now"],
    ["grade #N A force=yes", "force=yes"],
    ["stage #N intention force=maybe", "force=maybe"],
    ["claim #N force=yes", "force=yes"],
    ["due today", '"today" is not "team"'],
    ["yes please", "please"],
    ["add Other force=maybe", "force=maybe"],
  ])("%s", async (line, named) => {
    const rep = t.person("strict", { workspace: "strict" });
    const n = await addAs(rep, `add "Strict ${line}"`);
    const before = await t.db.prisma.stageChange.count();
    const reply = await rep.run(line.replace("#N", `#${n}`));
    expect(reply.ok).toBe(false);
    expect(reply.text).toContain(named);
    expect(await t.db.prisma.stageChange.count()).toBe(before);
  });
});
