import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect } from "vitest";
import { createFeishuAdapter, type FeishuAdapter, type FeishuAdapterOptions } from "../../adapters/feishu/index.ts";
import { startHttpServer } from "../../adapters/http-server.ts";
import { useCrm, type CrmFixture } from "../support/crm-fixture.ts";
import { FakeFeishuApi, type CapturedCall } from "../support/fake-feishu-api.ts";
import {
  cardActionEvent, messageEvent, postWebhook, webhookRequest,
  type BuildOptions, type WebhookSecrets,
} from "../support/feishu-webhook.ts";

/** A card (or text) the bot sent, parsed, with the id Feishu gave its message and its chat. */
export interface SentCard {
  call: CapturedCall;
  messageId: string;
  /** The chat it went to: a group, or the person's direct chat (`oc_p2p_<open_id>`) for a DM. */
  chatId: string | undefined;
  card: any;
  /** Every text of the card, entities decoded and font tags removed; a text message's text. */
  text: string;
}

export interface Person {
  openId: string;
  tenantKey: string;
  /** Their direct chat with the bot. */
  chatId: string;
  /**
   * Sends a text message; resolves with the bot's answer (its card) once the adapter is idle —
   * in a group, the card sent privately, not the pointer left in the group.
   */
  say(text: string, options?: SayOptions): Promise<SentCard | undefined>;
  /** Presses the button (or picks the option / submits the form) labelled `label` on `sent`. */
  click(sent: SentCard, label: string, input?: ClickInput): Promise<CallbackAnswer>;
}

export interface SayOptions {
  /** Say it in this group chat, @-mentioning the bot unless `mention` is false. */
  group?: string;
  mention?: boolean;
  eventId?: string;
  messageId?: string;
  /** Extra people @-mentioned. */
  mentions?: { key: string; openId: string; name: string }[];
}

export interface ClickInput {
  /** The menu option to pick (by its label). */
  option?: string;
  /** The text typed into a prompt's input. */
  text?: string;
  /** A form's values. */
  form?: Record<string, string>;
  eventId?: string;
}

export interface CallbackAnswer {
  status: number;
  json: any;
  /** The replacing card, when there is one, as SentCard-like text. */
  cardText?: string;
}

export interface FeishuHarness {
  t: CrmFixture;
  fake: FakeFeishuApi;
  adapter: FeishuAdapter;
  url: string;
  secrets: WebhookSecrets;
  logs: { level: string; message: string }[];
  person(openId: string, options?: { tenant?: string; name?: string }): Person;
  post(payload: object, options?: BuildOptions): Promise<{ status: number; json: any; text: string }>;
  newSends(since: number): SentCard[];
}

export const APP_ID = "cli_a1b2c3d4e5f60718";

/**
 * One CRM (real database, pinned clock), one fake Feishu Open API and one Feishu adapter in
 * webhook mode on the shared HTTP server, per test file. Requests go over HTTP, encrypted and
 * signed as Feishu would send them.
 */
export function useFeishu(options: { secrets?: WebhookSecrets; adapter?: (t: CrmFixture) => Partial<FeishuAdapterOptions>; playbook?: string } = {}): FeishuHarness {
  const secrets = options.secrets ?? { encryptKey: "test-encrypt-key", verificationToken: "test-verification-token" };
  const t = useCrm(options.playbook ? { playbook: options.playbook } : {});
  let server: Server;
  const names = new Map<string, string>();
  const h = { t, secrets, logs: [] as { level: string; message: string }[] } as FeishuHarness;
  beforeAll(async () => {
    h.fake = await FakeFeishuApi.start();
    for (const [openId, name] of names) h.fake.users.set(openId, name);
    const log = (level: string) => (message: string, detail?: unknown) => h.logs.push({ level, message: detail === undefined ? message : `${message} ${String(detail instanceof Error ? detail.message : JSON.stringify(detail))}` });
    h.adapter = createFeishuAdapter({
      crm: t.crm,
      appId: APP_ID,
      appSecret: "test-secret",
      mode: "webhook",
      domain: h.fake.url,
      ...secrets,
      logger: { info: log("info"), warn: log("warn"), error: log("error") },
      ...options.adapter?.(t),
    });
    server = await startHttpServer(h.adapter.routes, 0, "127.0.0.1");
    h.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feishu/events`;
  });
  afterAll(async () => {
    await h.adapter?.stop();
    server?.closeAllConnections();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await h.fake?.stop();
  });

  h.post = (payload, build) => postWebhook(h.url, webhookRequest(payload, h.secrets, build));
  h.newSends = (since) => h.fake.sentMessages().slice(since).map(toSentCard);
  h.person = (openId, opts = {}) => {
    const tenantKey = opts.tenant ?? "tenant-a";
    const person: Person = {
      openId,
      tenantKey,
      chatId: `oc_p2p_${openId}`,
      async say(text, say = {}) {
        const before = h.fake.sentMessages().length;
        const inGroup = say.group !== undefined;
        const mentions = [...(inGroup && say.mention !== false ? [{ key: "@_user_1", openId: h.fake.botOpenId, name: "CRM" }] : []), ...(say.mentions ?? [])];
        const event = messageEvent({
          tenantKey,
          openId,
          chatId: say.group ?? person.chatId,
          chatType: inGroup ? "group" : "p2p",
          text: inGroup && say.mention !== false ? `@_user_1 ${text}` : text,
          mentions,
          token: h.secrets.verificationToken ?? "",
          ...(say.eventId ? { eventId: say.eventId } : {}),
          ...(say.messageId ? { messageId: say.messageId } : {}),
        });
        h.fake.chats.set(event.event.message.message_id, event.event.message.chat_id);
        const response = await h.post(event);
        expect(response.status).toBe(200);
        await h.adapter.idle();
        return h.newSends(before).filter((s) => s.card).at(-1);
      },
      async click(sent, label, input = {}) {
        const action = actionFor(sent.card, label, input);
        const event = cardActionEvent({
          tenantKey,
          openId,
          messageId: sent.messageId,
          chatId: sent.chatId ?? person.chatId,
          token: h.secrets.verificationToken ?? "",
          ...action,
          ...(input.eventId ? { eventId: input.eventId } : {}),
        });
        const response = await h.post(event);
        await h.adapter.idle();
        const replaced = response.json?.card?.data;
        return { ...response, ...(replaced ? { cardText: textOf(replaced) } : {}) };
      },
    };
    // People may be declared before the fake server starts: their names are handed over then.
    if (opts.name) names.set(openId, opts.name);
    if (opts.name && h.fake) h.fake.users.set(openId, opts.name);
    return person;
  };
  return h;
}

export function toSentCard(call: CapturedCall): SentCard {
  const card = call.body.msg_type === "interactive" ? JSON.parse(call.body.content) : undefined;
  const text = card ? textOf(card) : call.body.msg_type === "text" ? String(JSON.parse(call.body.content).text) : "";
  return { call, messageId: call.response?.data?.message_id, chatId: call.response?.data?.chat_id, card, text };
}

/** The card with a new body (after a callback replaced it), for further clicks. */
export function replaced(sent: SentCard, answer: CallbackAnswer): SentCard {
  const card = answer.json.card.data;
  return { ...sent, card, text: textOf(card) };
}

/** All the text a person sees on a card: entities decoded, font tags removed. */
export function textOf(card: unknown): string {
  const out: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== "object") return;
    for (const [key, value] of Object.entries(node)) {
      if (key === "config") continue;
      if (key === "content" && typeof value === "string") out.push(value);
      else if (key === "default_value" && typeof value === "string") out.push(value);
      else walk(value);
    }
  };
  walk(card);
  return out
    .join("\n")
    .replace(/<font color='\w+'>|<\/font>|\*\*/g, "")
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
}

/** Every component with `tag`, depth first, with the form it sits in. */
export function components(card: unknown): { node: any; form?: any }[] {
  const found: { node: any; form?: any }[] = [];
  const walk = (node: unknown, form?: any) => {
    if (Array.isArray(node)) return node.forEach((n) => walk(n, form));
    if (!node || typeof node !== "object") return;
    const n = node as any;
    if (typeof n.tag === "string") found.push({ node: n, ...(form ? { form } : {}) });
    for (const value of Object.values(n)) walk(value, n.tag === "form" ? n : form);
  };
  walk(card);
  return found;
}

export function findButton(card: unknown, label: string): { node: any; form?: any } | undefined {
  return components(card).find((c) => c.node.tag === "button" && c.node.text?.content === label);
}

export function findSelect(card: unknown, placeholder: string): any {
  return components(card).find((c) => c.node.tag === "select_static" && c.node.placeholder?.content === placeholder)?.node;
}

function actionFor(card: unknown, label: string, input: ClickInput) {
  const select = findSelect(card, label);
  if (select) {
    const option = select.options.find((o: any) => o.text.content === input.option);
    if (!option) throw new Error(`no option "${input.option}" in menu "${label}": ${select.options.map((o: any) => o.text.content).join(", ")}`);
    return { value: select.behaviors[0].value, tag: "select_static", option: option.value };
  }
  const found = findButton(card, label);
  if (!found) throw new Error(`no button or menu "${label}" on the card:\n${textOf(card)}`);
  const { node, form } = found;
  if (!form) return { value: node.behaviors[0].value };
  const inputs = components(form.elements).filter((c) => c.node.tag === "input").map((c) => c.node.name as string);
  const formValue = input.form ?? Object.fromEntries(inputs.map((name) => [name, input.text ?? ""]));
  return { value: node.behaviors[0].value, name: node.name, formValue };
}
