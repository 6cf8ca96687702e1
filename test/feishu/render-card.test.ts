import { describe, expect, it } from "vitest";
import { byteSize } from "../../adapters/feishu/cards/elements.ts";
import { countComponents, renderReply } from "../../adapters/feishu/cards/render-card.ts";
import { card, cardReply, textReply, type Card, type CardAction } from "../../src/reply.ts";
import { components, findButton, findSelect, textOf } from "./support.ts";

const customerActions: CardAction[] = [
  { kind: "prompt", label: "Log call", command: "log #7 call", prompt: "What happened?", style: "primary" },
  { kind: "prompt", label: "Log SMS", command: "log #7 sms", prompt: "What happened?" },
  { kind: "prompt", label: "Log visit", command: "log #7 visit", prompt: "What happened?" },
  { kind: "run", label: "Snooze 1 day", command: "snooze #7 1d" },
  { kind: "choose", label: "Change grade", options: [{ label: "A", command: "grade #7 A" }, { label: "B", command: "grade #7 B" }] },
  { kind: "run", label: "Mark won", command: "won #7", style: "primary" },
  { kind: "prompt", label: "Mark lost", command: "lost #7", prompt: "Why was it lost?", style: "danger" },
];

function customer(n: number, extra: Partial<Card> = {}): Card {
  return card(`#${n} *Star* [Trading] <b>`, {
    subtitle: "Potential · D",
    fields: [{ label: "Mobile", value: "13800138000" }, { label: "Note", value: "50% off_today ~maybe~ `code` #1" }],
    sections: [{ title: "Next touches", items: ["call: today"] }],
    actions: customerActions.map((a) => (a.kind === "run" || a.kind === "prompt" ? { ...a, command: a.command.replace("#7", `#${n}`) } : a)),
    ...extra,
  });
}

describe("rendering a reply as a Feishu card (JSON 2.0)", () => {
  it("puts the title in the header and shows user text exactly, markdown characters escaped", () => {
    const rendered = renderReply(cardReply("Added #7.", [customer(7)]), { locale: "en" });
    expect(rendered).toMatchObject({ schema: "2.0", config: { update_multi: true }, header: { title: { tag: "plain_text", content: "#7 *Star* [Trading] <b>" }, subtitle: { content: "Potential · D" }, template: "blue" } });
    const markdown = components(rendered).filter((c) => c.node.tag === "markdown").map((c) => c.node.content as string).join("\n");
    expect(markdown).not.toMatch(/50% off_today|~maybe~|`code`/);
    expect(textOf(rendered)).toContain("Note: 50% off_today ~maybe~ `code` #1");
  });

  it("groups prompts asking the same question into one form: one input, a submit button per command", () => {
    const rendered = renderReply(cardReply("", [customer(7)]), { locale: "en" });
    const forms = components(rendered).filter((c) => c.node.tag === "form").map((c) => c.node);
    expect(forms).toHaveLength(2);
    const [notes, lost] = forms;
    const inputs = components(notes.elements).filter((c) => c.node.tag === "input");
    expect(inputs).toHaveLength(1);
    expect(inputs[0]!.node).toMatchObject({ required: true, placeholder: { content: "What happened?" }, input_type: "multiline_text" });
    const name = inputs[0]!.node.name;
    expect(findButton(notes, "Log call")!.node).toMatchObject({ form_action_type: "submit", type: "primary", behaviors: [{ type: "callback", value: { k: "prompt", c: "log #7 call", i: name } }] });
    expect(findButton(notes, "Log visit")!.node.behaviors[0].value).toEqual({ k: "prompt", c: "log #7 visit", i: name });
    expect(findButton(lost, "Mark lost")!.node.type).toBe("danger");
  });

  it("renders run buttons in a wrapping row and choices as a menu whose options are commands", () => {
    const rendered = renderReply(cardReply("", [customer(7)]), { locale: "en" });
    expect(findButton(rendered, "Snooze 1 day")!.node).toMatchObject({ type: "default", behaviors: [{ type: "callback", value: { k: "run", c: "snooze #7 1d" } }] });
    expect(findButton(rendered, "Snooze 1 day")!.form).toBeUndefined();
    const menu = findSelect(rendered, "Change grade");
    expect(menu.options.map((o: { value: string }) => o.value)).toEqual(["grade #7 A", "grade #7 B"]);
    expect(menu.behaviors[0].value).toEqual({ k: "choose" });
    const rows = components(rendered).filter((c) => c.node.tag === "column_set" && c.node.flex_mode === "flow");
    expect(rows.length).toBeGreaterThan(0);
    // JSON 2.0 has no `action` block.
    expect(components(rendered).some((c) => c.node.tag === "action")).toBe(false);
  });

  it("gives every named component a name of its own", () => {
    const rendered = renderReply(cardReply("3 to contact", [customer(1), customer(2), customer(3)]), { locale: "en", view: "due" });
    const names = components(rendered).map((c) => c.node.name).filter(Boolean);
    expect(new Set(names).size).toBe(names.length);
    // Buttons on a list carry the list's command, so a click refreshes it.
    expect(findButton(rendered, "Mark won")!.node.behaviors[0].value).toEqual({ k: "run", c: "won #1", v: "due" });
  });

  it("shows an error with a red header in the reader's language", () => {
    expect(renderReply(textReply("Nope.", false), { locale: "en" }).header).toMatchObject({ template: "red", title: { content: "Couldn't do that" } });
    expect(renderReply(textReply("不行。", false), { locale: "zh-CN" }).header).toMatchObject({ template: "red", title: { content: "没能完成" } });
    const plain = renderReply(textReply("OK."), { locale: "en" });
    expect(plain.header).toBeUndefined();
    expect(textOf(plain)).toBe("OK.");
  });

  it("keeps a long list under 30 KB and 200 components, saying how many were left out", () => {
    const many = Array.from({ length: 40 }, (_, i) => customer(i + 1));
    const rendered = renderReply(cardReply("40 customers to contact today.", many), { locale: "en", view: "due" });
    expect(byteSize(rendered)).toBeLessThanOrEqual(30_000);
    expect(countComponents(rendered)).toBeLessThanOrEqual(200);
    expect(textOf(rendered)).toMatch(/…and \d+ more/);
    expect(textOf(rendered)).toContain("#1 *Star*");

    const items = Array.from({ length: 500 }, (_, i) => `#${i} ${"很长的公司名称".repeat(10)}`);
    const huge = renderReply(cardReply("Team customers (500)", [card("Team customers (500)", { sections: [{ title: "", items }] })]), { locale: "zh-CN" });
    expect(byteSize(huge)).toBeLessThanOrEqual(30_000);
    expect(textOf(huge)).toMatch(/……还有 \d+ 项/);
  });
});
