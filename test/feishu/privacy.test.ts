import { describe, expect, it } from "vitest";
import { renderReply } from "../../adapters/feishu/cards/render-card.ts";
import type { CapturedCall } from "../support/fake-feishu-api.ts";
import { messageEvent } from "../support/feishu-webhook.ts";
import { findButton, textOf, useFeishu, type Person, type SentCard } from "./support.ts";

const h = useFeishu();
const admin = h.person("ou_pv_admin", { name: "管理员" });
const rep = h.person("ou_pv_rep", { name: "小林" });
const GROUP = "oc_pv_sales";
const MOBILE = "13700001111";
const NOTE = "底价八折";

/** What the group's members can see of what the bot sent since `since`: messages in the group's chat. */
function seenByGroup(since: number): SentCard[] {
  return h.newSends(since).filter((s) => s.chatId === GROUP);
}

/** The messages the bot sent since `since` to `person` by direct message. */
function dmsTo(person: Person, since: number): SentCard[] {
  return h.newSends(since).filter((s) => s.call.query.receive_id_type === "open_id" && s.call.body.receive_id === person.openId);
}

function patches(): CapturedCall[] {
  return h.fake.callsTo("PATCH", /^\/open-apis\/im\/v1\/messages\/[^/]+$/);
}

/** Every button value on a card. */
function values(card: unknown): any[] {
  const found: any[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== "object") return;
    const behaviors = (node as { behaviors?: { value?: unknown }[] }).behaviors;
    if (behaviors) found.push(...behaviors.map((b) => b.value));
    Object.values(node).forEach(walk);
  };
  walk(card);
  return found;
}

/**
 * A card that sits in the group: what the adapter posted there before replies went private (and
 * still posts for a reply that is not ephemeral) — rendered without the private mark.
 */
async function cardInGroup(person: Person, line: string, view?: string): Promise<SentCard> {
  const identity = { platform: "feishu", workspaceId: person.tenantKey, userId: person.openId, locale: "zh-CN" as const };
  const reply = await h.t.crm.execute(identity, line);
  expect(reply.ok).toBe(true);
  const card = renderReply(reply, { locale: "zh-CN", ...(view ? { view } : {}) });
  const messageId = `om_group_card_${Math.random().toString(36).slice(2)}`;
  h.fake.chats.set(messageId, GROUP);
  return { call: { method: "POST", path: "", query: {}, headers: {}, body: {} }, messageId, chatId: GROUP, card, text: textOf(card) };
}

let n = 0;

describe("a command asked in a group", () => {
  it("is answered by direct message — show, list, due — and the group sees only a pointer quoting the question", async () => {
    await admin.say("help"); // the first person is the admin
    const added = (await rep.say(`add 私密公司 mobile=${MOBILE} 备注=${NOTE}`))!;
    n = Number(/#(\d+)/.exec(added.text)![1]);
    h.t.clock.advanceDays(21); // due today

    for (const [line, shows] of [[`show #${n}`, [MOBILE, NOTE]], ["list", ["私密公司"]], ["due", ["私密公司"]]] as const) {
      const before = h.fake.sentMessages().length;
      const messageId = `om_pv_${line.replace(/\W/g, "")}`;
      const answer = (await rep.say(line, { group: GROUP, messageId }))!;
      // The answer: a DM to the person who asked, keyed on their message.
      expect(answer.call.query, line).toEqual({ receive_id_type: "open_id" });
      expect(answer.call.body, line).toMatchObject({ receive_id: rep.openId, msg_type: "interactive", uuid: `dm:${messageId}` });
      for (const secret of shows) expect(answer.text, line).toContain(secret);
      // Its buttons know the card is private: a click there may update it in place.
      if (line !== "list") expect(values(answer.card).length, line).toBeGreaterThan(0);
      expect(values(answer.card).every((v) => v.p === 1), line).toBe(true);
      // The group: one short pointer, as a reply to the question, and nothing of the answer.
      const group = seenByGroup(before);
      expect(group, line).toHaveLength(1);
      expect(group[0]!.call.path, line).toBe(`/open-apis/im/v1/messages/${messageId}/reply`);
      expect(group[0]!.call.body, line).toMatchObject({ msg_type: "text", uuid: `reply:${messageId}` });
      expect(group[0]!.text, line).toBe("已私信回复你。");
      const visible = JSON.stringify(group.map((s) => s.call.body));
      for (const secret of [MOBILE, NOTE, "私密公司"]) expect(visible, line).not.toContain(secret);
    }
  });

  it("points in the asker's language", async () => {
    const ann = h.person("ou_pv_ann", { name: "Ann" });
    await ann.say("lang en");
    const before = h.fake.sentMessages().length;
    await ann.say("list", { group: GROUP });
    expect(seenByGroup(before).map((s) => s.text)).toEqual(["I've replied to you in a direct message."]);
    expect(dmsTo(ann, before)).toHaveLength(1);
  });

  it("in a direct chat is still answered in that chat", async () => {
    const before = h.fake.sentMessages().length;
    const answer = (await rep.say(`show #${n}`))!;
    expect(answer.call.query).toEqual({ receive_id_type: "chat_id" });
    expect(answer.call.body.receive_id).toBe(rep.chatId);
    expect(h.newSends(before)).toHaveLength(1);
  });

  it("whose DM cannot be sent for now shows nothing in the group; the re-push sends the DM and the pointer, once each", async () => {
    h.fake.respond("POST", "/open-apis/im/v1/messages", { status: 429, body: { code: 99991400, msg: "request trigger frequency limit" } });
    const before = h.fake.sentMessages().length;
    const payload = messageEvent({ tenantKey: rep.tenantKey, openId: rep.openId, chatId: GROUP, chatType: "group", text: `@_user_1 show #${n}`, mentions: [{ key: "@_user_1", openId: h.fake.botOpenId, name: "CRM" }], token: h.secrets.verificationToken!, eventId: "ev_pv_limited", messageId: "om_pv_limited" });
    h.fake.chats.set("om_pv_limited", GROUP);
    await h.post(payload);
    await h.adapter.idle();
    expect(seenByGroup(before)).toEqual([]);
    await h.post(payload);
    await h.adapter.idle();
    await h.post(payload); // answered: seen, dropped
    await h.adapter.idle();
    const dms = dmsTo(rep, before);
    expect(dms.map((s) => s.call.status)).toEqual([429, 200]);
    expect(dms.map((s) => s.call.body.uuid)).toEqual(["dm:om_pv_limited", "dm:om_pv_limited"]);
    expect(seenByGroup(before).map((s) => s.text)).toEqual(["已私信回复你。"]);
  });

  it("from someone the bot may not message privately tells them so in the group, and shows nothing else", async () => {
    h.fake.respond("POST", "/open-apis/im/v1/messages", { status: 400, body: { code: 230013, msg: "Bot has NO availability to this user." } });
    const before = h.fake.sentMessages().length;
    await rep.say(`show #${n}`, { group: GROUP });
    const group = seenByGroup(before);
    expect(group.map((s) => s.text)).toEqual(["没能私信你，请先和我单聊，在单聊里再问一次。"]);
    expect(JSON.stringify(group.map((s) => s.call.body))).not.toContain(MOBILE);
    expect(h.logs.some((l) => l.level === "warn" && l.message.includes("privately"))).toBe(true);
  });
});

describe("a button on a card in a group", () => {
  it("answers with the toast only and sends the updated card to the person who clicked", async () => {
    const card = await cardInGroup(rep, `show #${n}`);
    const before = h.fake.sentMessages().length;
    const patched = patches().length;
    const snoozed = await rep.click(card, "推迟 1 天");
    expect(snoozed.json).toEqual({ toast: { type: "success", content: `#${n} 已推迟到 2026-11-24 周二 10:00。` } });
    expect(seenByGroup(before)).toEqual([]);
    expect(patches()).toHaveLength(patched);
    const [dm] = dmsTo(rep, before);
    expect(dm!.card.header.title.content).toBe(`#${n} 私密公司`);
    expect(dm!.text).toContain(MOBILE);
    // The private copy's buttons update it in place.
    const graded = await rep.click(dm!, "调整等级", { option: "A级" });
    expect(graded.json.card.data.header.subtitle.content).toBe("潜在客户 A级");
  });

  it("sends it to whoever clicked: a director clicking a rep's card gets the card, the rep and the group nothing", async () => {
    await admin.say("role @_user_2 director", { group: GROUP, mentions: [{ key: "@_user_2", openId: admin.openId, name: "管理员" }] });
    const card = await cardInGroup(rep, `show #${n}`);
    const before = h.fake.sentMessages().length;
    const graded = await admin.click(card, "调整等级", { option: "B级" });
    expect(graded.json.card).toBeUndefined();
    expect(graded.json.toast.type).toBe("success");
    expect(dmsTo(admin, before)).toHaveLength(1);
    expect(h.newSends(before)).toHaveLength(1);
  });

  it("on a list: the refreshed list and an opened item go privately, the group's card stays as it is", async () => {
    for (const company of ["私密公司二", "私密公司三"]) await rep.say(`add ${company}`);
    h.t.clock.advanceDays(21);
    const list = await cardInGroup(rep, "due", "due");
    const count = (card: any) => Number(/^今天要联系 (\d+) 个客户/.exec(card.header.title.content)![1]);
    expect(count(list.card)).toBeGreaterThanOrEqual(3);
    const before = h.fake.sentMessages().length;
    const patched = patches().length;
    const snoozed = await rep.click(list, "推迟 1 天");
    expect(snoozed.json.card).toBeUndefined();
    expect(snoozed.json.toast.type).toBe("success");
    const [refreshed] = dmsTo(rep, before);
    expect(count(refreshed!.card)).toBe(count(list.card) - 1);
    expect(findButton(refreshed!.card, "推迟 1 天")!.node.behaviors[0].value).toMatchObject({ v: "due", p: 1 });

    const opened = await rep.click(list, "查看");
    expect(opened.json).toEqual({ toast: { type: "info", content: "已私信发给你" } });
    const dms = dmsTo(rep, before);
    expect(dms).toHaveLength(2);
    expect(dms[1]!.card.header.title.content).toMatch(/^#\d+ /);
    expect(seenByGroup(before)).toEqual([]);
    expect(patches()).toHaveLength(patched);
  });
});
