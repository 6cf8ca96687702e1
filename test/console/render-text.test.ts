import { describe, expect, it } from "vitest";
import { inChinese, renderText } from "../../adapters/console/render-text.ts";
import { card, cardReply } from "../../src/reply.ts";

describe("the console shows a Chinese reader commands in Chinese", () => {
  it("words each button's command as a Chinese reader types it", () => {
    expect(inChinese("log #12 call")).toBe("跟进 #12 电话");
    expect(inChinese("log #12 visit")).toBe("跟进 #12 拜访");
    expect(inChinese("snooze #12 3d")).toBe("推迟 #12 3天");
    expect(inChinese("lost #12 cancelled")).toBe("战败 #12 退单");
    expect(inChinese("stage #12 意向客户")).toBe("阶段 #12 意向客户");
    expect(inChinese("import confirm abc")).toBe("导入 确认 abc");
  });

  it("renders a Chinese card with full-width colons, Chinese commands and form keys; an English one as before", () => {
    const zh = cardReply("", [card("#12 佛山拓鑫", {
      fields: [{ label: "负责人", value: "李总" }],
      actions: [
        { kind: "prompt", label: "记录电话", command: "log #12@local call", prompt: "沟通了什么？" },
        { kind: "form", label: "新增潜在客户", form: { title: "新增潜在客户", command: "add", submitLabel: "新增", inputs: [{ key: "company", label: "公司名称", required: true }, { key: "mobile", label: "手机", required: false }] } },
      ],
    })]);
    expect(renderText(zh)).toBe(["┌ #12 佛山拓鑫", "│ 负责人：李总", "│ [记录电话：跟进 #12 电话 …]   新增 公司=… 手机=…", "└"].join("\n"));
    const en = cardReply("", [card("#12 Foshan", { fields: [{ label: "Decision-maker", value: "Li" }], actions: [{ kind: "run", label: "Snooze 1 day", command: "snooze #12@local 1d" }] })]);
    expect(renderText(en)).toBe(["┌ #12 Foshan", "│ Decision-maker: Li", "│ [Snooze 1 day: snooze #12 1d]", "└"].join("\n"));
  });
});
