import { describe, expect, it } from "vitest";
import { replaceCard } from "../../adapters/slack/card-update.ts";
import { decodeMeta, decodePrompt, encodeMeta, encodePrompt } from "../../adapters/slack/payload-codec.ts";
import { renderReply } from "../../adapters/slack/render-blocks.ts";
import { card, cardReply, type CardAction } from "../../src/reply.ts";

const texts = (blocks: any[]) => JSON.stringify(blocks);

describe("rendering a reply as Block Kit within Slack's limits", () => {
  it("renders a card as header, subtitle, fields, sections, buttons and footer, escaping what mrkdwn would read as markup", () => {
    const reply = cardReply("Added #1 <Acme> & Co.", [
      card("#1 <Acme> & Co", {
        subtitle: "Potential · D",
        fields: [{ label: "Mobile", value: "13800138000" }],
        sections: [{ title: "Next touches", items: ["call: today", "sms <@U123>"] }],
        actions: [{ kind: "run", label: "Mark won", command: "won #1", style: "primary" }],
        footer: "owner: li",
      }),
    ]);
    const { text, blocks } = renderReply(reply) as { text: string; blocks: any[] };
    expect(text).toBe("Added #1 <Acme> & Co.");
    expect(blocks.map((b) => b.type)).toEqual(["section", "header", "context", "section", "section", "actions", "context"]);
    expect(blocks[0].text.text).toBe("Added #1 &lt;Acme&gt; &amp; Co.");
    expect(blocks[1].text).toEqual({ type: "plain_text", text: "#1 <Acme> & Co", emoji: true });
    expect(blocks[4].text.text).toBe("*Next touches*\n• call: today\n• sms &lt;@U123&gt;");
    expect(blocks[5].elements[0]).toEqual({ type: "button", action_id: "crm_run_0", text: { type: "plain_text", text: "Mark won", emoji: true }, value: "won #1", style: "primary" });
    expect(new Set(blocks.map((b) => b.block_id)).size).toBe(blocks.length);
  });

  it("keeps a message to 50 blocks, a view to 100, and says how many cards were left out", () => {
    const many = cardReply("60 due", Array.from({ length: 60 }, (_, i) => card(`#${i} Co`, { subtitle: "x", sections: [{ title: "", items: ["due"] }] })));
    const message = renderReply(many).blocks;
    expect(message.length).toBeLessThanOrEqual(50);
    expect(texts(message.slice(-1))).toMatch(/… \+\d+/);
    const view = renderReply(many, { maxBlocks: 100 }).blocks;
    expect(view.length).toBeLessThanOrEqual(100);
    expect(view.length).toBeGreaterThan(message.length);
  });

  it("caps fields at 10 per section, long sections at 3000 characters, and button text at 75", () => {
    const fields = Array.from({ length: 30 }, (_, i) => ({ label: `F${i}`, value: "v" }));
    const items = Array.from({ length: 400 }, (_, i) => `item ${i} ${"x".repeat(20)}`);
    const long = "L".repeat(200);
    const { blocks } = renderReply(cardReply("", [card("t", { fields, sections: [{ title: "S", items }], actions: [{ kind: "run", label: long, command: "help" }] })])) as { blocks: any[] };
    const fieldSections = blocks.filter((b) => b.fields);
    expect(fieldSections.map((b) => b.fields.length)).toEqual([10, 10]);
    expect(fieldSections[1].fields[9].text).toBe("… +11");
    const section = blocks.find((b) => b.block_id === "c0:x0");
    expect(section.text.text.length).toBeLessThanOrEqual(3000);
    expect(section.text.text).toMatch(/… \+\d+$/);
    expect(Array.from(blocks.find((b) => b.type === "actions").elements[0].text.text as string)).toHaveLength(75);
  });

  it("renders choices as a select of at most 100 options and leaves out an action that cannot fit", () => {
    const options = Array.from({ length: 120 }, (_, i) => ({ label: `Option ${i}`, command: `stage #1 s${i}` }));
    const actions: CardAction[] = [
      { kind: "choose", label: "Change stage", options },
      { kind: "run", label: "Too long", command: `log #1 note ${"x".repeat(2100)}` },
      { kind: "prompt", label: "Log call", command: "log #1 call", prompt: "What happened?" },
    ];
    const { blocks } = renderReply(cardReply("", [card("t", { actions })])) as { blocks: any[] };
    const elements = blocks.find((b) => b.type === "actions").elements;
    expect(elements.map((e: any) => e.action_id)).toEqual(["crm_choose_0", "crm_prompt_2"]);
    expect(elements[0].options).toHaveLength(100);
    expect(decodePrompt(elements[1].value)).toEqual({ command: "log #1 call", prompt: "What happened?", label: "Log call" });
  });

  it("replaces one card of a message and keeps the others", () => {
    const two = renderReply(cardReply("", [card("#1 A"), card("#2 B", { fields: [{ label: "x", value: "old" }] })])).blocks;
    const replaced = replaceCard(two, 1, cardReply("#2 snoozed.", [card("#2 B", { fields: [{ label: "x", value: "new" }] })]))!;
    expect(replaced.filter((b) => b.block_id!.startsWith("c0:"))).toEqual(two.filter((b) => b.block_id!.startsWith("c0:")));
    expect(texts(replaced)).toContain("new");
    expect(texts(replaced)).toContain(":white_check_mark: #2 snoozed.");
    expect(replaceCard(two, 5, cardReply("x", []))).toBeUndefined();
  });
});

describe("what the adapter stores in Slack payloads", () => {
  it("round-trips a modal's metadata and refuses anything else", () => {
    const meta = { command: "log #1 call", origin: { kind: "message" as const, responseUrl: "https://hooks.slack.com/x", channelId: "C1", card: 2, stash: "s" } };
    expect(decodeMeta(encodeMeta(meta))).toEqual(meta);
    expect(decodeMeta(encodeMeta({ command: "add", origin: { kind: "home" } }))).toEqual({ command: "add", origin: { kind: "home" } });
    expect(encodeMeta(meta).length).toBeLessThan(3000);
    for (const bad of ["", "{", '{"v":2,"cmd":"x","to":{"k":"h"}}', '{"v":1,"cmd":"","to":{"k":"h"}}', "null"]) expect(decodeMeta(bad), bad).toBeUndefined();
    expect(decodePrompt(encodePrompt({ command: "lost #1", prompt: "Why?", label: "Mark lost" }))).toEqual({ command: "lost #1", prompt: "Why?", label: "Mark lost" });
    expect(decodePrompt("won #1")).toBeUndefined();
  });
});
