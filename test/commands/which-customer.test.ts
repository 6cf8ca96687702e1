import { describe, expect, it } from "vitest";
import { useCrm } from "../support/crm-fixture.ts";

/**
 * A command about one customer typed with nothing after it asks which customer, in the caller's
 * language, and writes nothing: never an internal error.
 */
const t = useCrm();

describe("a command about one customer, given none", () => {
  it.each(["show", "edit", "log", "grade", "stage", "won", "order", "lost", "snooze", "file", "approve", "reject", "nudge", "release"])(
    "%s asks which customer",
    async (word) => {
      // The first person of a workspace is its admin: the director's commands reach the question too.
      const boss = t.person("which-boss", { workspace: "which" });
      const reply = await boss.run(word);
      expect({ ok: reply.ok, code: reply.code, text: reply.text }).toEqual({
        ok: false,
        code: "missing_ref",
        text: "Which customer? Give its number like #12, or part of its name.",
      });
    },
  );

  it("asks in Chinese", async () => {
    const zh = t.person("which-zh", { workspace: "which-zh", locale: "zh-CN" });
    for (const line of ["跟进", "成交", "战败", "等级", "阶段"]) {
      expect([line, (await zh.run(line)).text]).toEqual([line, "是哪个客户？请给出编号（如 #12）或名称的一部分。"]);
    }
  });
});
