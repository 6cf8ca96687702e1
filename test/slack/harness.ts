import { createHmac } from "node:crypto";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll } from "vitest";
import { startHttpServer } from "../../adapters/http-server.ts";
import { createSlackAdapter, type SlackAdapter, type SlackAdapterOptions } from "../../adapters/slack/index.ts";
import type { Crm } from "../../src/crm/crm.ts";
import type { CrmFixture } from "../support/crm-fixture.ts";
import { FakeSlackApi, type SlackCall } from "../support/fake-slack-api.ts";

export const SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

export interface SlackUser {
  id: string;
  team: string;
  name: string;
}

export function slackUser(id: string, name = id.toLowerCase(), team = "T1"): SlackUser {
  return { id, team, name };
}

/** Block Kit as it comes back from the fake (parsed JSON). */
export type Blocks = any[];

/** A message the bot posted (through a response_url) that a test can click on. */
export interface PostedMessage {
  ts: string;
  channel: string;
  blocks: Blocks;
  text: string;
}

export interface SlackHarness {
  fake: FakeSlackApi;
  adapter: SlackAdapter;
  /** http://127.0.0.1:PORT/slack/events, mounted on the shared HTTP server. */
  endpoint: string;
  logs: { level: string; message: string }[];
  /** POSTs a raw body signed as Slack would (override the signature or timestamp to forge one). */
  post(body: string, options?: PostOptions): Promise<{ status: number; text: string }>;
  /** Sends `/prospect <text>` and returns the id of its response_url. */
  slash(user: SlackUser, text: string, options?: { channel?: string; triggerId?: string }): Promise<{ status: number; responseId: string; triggerId: string }>;
  /** `/prospect <text>` and the answer posted to its response_url. */
  command(user: SlackUser, text: string, options?: { channel?: string }): Promise<SlackCall["body"]>;
  interact(payload: object, options?: PostOptions): Promise<{ status: number; text: string }>;
  /** Clicks a button or picks an option on a posted message; answers go to a fresh response_url. */
  click(user: SlackUser, message: PostedMessage, control: Control, option?: string): Promise<{ responseId: string; triggerId: string }>;
  /** Submits a modal the bot opened, with `values` by block id; returns the HTTP answer (the ack). */
  submit(user: SlackUser, opened: OpenedView, values: Record<string, string | string[]>): Promise<{ status: number; body: any }>;
  /**
   * The modal opened with `triggerId`, as it stands once the adapter is done with the click: a
   * form button first opens a "working" modal that the form replaces, and a language guessed
   * before the person was known is corrected in place.
   */
  openedView(triggerId: string, from?: number): Promise<OpenedView>;
  event(body: object, options?: PostOptions): Promise<{ status: number; text: string }>;
}

export interface PostOptions {
  contentType?: string;
  timestamp?: number;
  signature?: string;
  headers?: Record<string, string>;
}

export interface OpenedView {
  id: string;
  view: any;
}

export interface Control {
  /** The button's text or the select's placeholder. */
  label: string;
  block_id: string;
  action_id: string;
  value?: string;
  type: "button" | "static_select";
  options?: { text: { text: string }; value: string }[];
}

let sequence = 0;
const next = (prefix: string) => `${prefix}${++sequence}`;

/**
 * A real Slack adapter (real Bolt app, real HTTPReceiver) mounted on the shared HTTP server at
 * a free port, its Web API pointed at a fake Slack, and helpers that send requests exactly as
 * Slack signs them.
 */
export function useSlack(t: CrmFixture, options: { wrapCrm?: (crm: Crm) => Crm; adapter?: Partial<SlackAdapterOptions> } = {}): SlackHarness {
  let server: Server | undefined;
  const h = { logs: [] as SlackHarness["logs"] } as SlackHarness;
  beforeAll(async () => {
    h.fake = await new FakeSlackApi().start();
    const record = (level: string) => (message: string, detail?: unknown) => h.logs.push({ level, message: detail === undefined ? message : `${message} ${String(detail)}` });
    h.adapter = createSlackAdapter({
      crm: options.wrapCrm ? options.wrapCrm(t.crm) : t.crm,
      botToken: "xoxb-test-token",
      signingSecret: SIGNING_SECRET,
      apiUrl: h.fake.apiUrl,
      logger: { info: record("info"), warn: record("warn"), error: record("error") },
      ...options.adapter,
    });
    server = await startHttpServer(h.adapter.routes, 0, "127.0.0.1");
    h.endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
  });
  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise((r) => (server ? server.close(r) : r(undefined)));
    await h.fake?.stop();
  });

  h.post = async (body, o = {}) => {
    const timestamp = o.timestamp ?? Math.floor(Date.now() / 1000);
    const signature = o.signature ?? sign(body, timestamp);
    const response = await fetch(h.endpoint, {
      method: "POST",
      headers: {
        "content-type": o.contentType ?? "application/x-www-form-urlencoded",
        "x-slack-request-timestamp": String(timestamp),
        "x-slack-signature": signature,
        ...o.headers,
      },
      body,
    });
    return { status: response.status, text: await response.text() };
  };

  h.slash = async (user, text, o = {}) => {
    const responseId = next("cmd");
    const triggerId = o.triggerId ?? next("trigger");
    const channel = o.channel ?? "C_SALES";
    const form = new URLSearchParams({
      token: "legacy", team_id: user.team, team_domain: `${user.team.toLowerCase()}-team`, channel_id: channel, channel_name: "sales",
      user_id: user.id, user_name: user.name, command: "/prospect", text, api_app_id: "A_APP", is_enterprise_install: "false",
      response_url: h.fake.responseUrl(responseId), trigger_id: triggerId,
    });
    const { status } = await h.post(form.toString());
    return { status, responseId, triggerId };
  };

  h.command = async (user, text, o = {}) => {
    const from = h.fake.calls.length;
    const { status, responseId } = await h.slash(user, text, o);
    if (status !== 200) throw new Error(`slash command answered ${status}`);
    return (await h.fake.waitForResponse(responseId, { from })).body;
  };

  h.interact = (payload, o = {}) => h.post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), o);

  h.click = async (user, message, control, option) => {
    const responseId = next("click");
    const triggerId = next("trigger");
    const picked = option === undefined ? undefined : control.options?.find((o) => o.text.text === option);
    if (option !== undefined && !picked) throw new Error(`no option "${option}" in ${JSON.stringify(control.options)}`);
    const action =
      control.type === "button"
        ? { type: "button", action_id: control.action_id, block_id: control.block_id, value: control.value, text: { type: "plain_text", text: control.label }, action_ts: "1.1" }
        : { type: "static_select", action_id: control.action_id, block_id: control.block_id, selected_option: picked, action_ts: "1.1" };
    const { status } = await h.interact({
      type: "block_actions",
      user: { id: user.id, username: user.name, name: user.name, team_id: user.team },
      api_app_id: "A_APP",
      token: "legacy",
      container: { type: "message", message_ts: message.ts, channel_id: message.channel, is_ephemeral: false },
      trigger_id: triggerId,
      team: { id: user.team, domain: `${user.team.toLowerCase()}-team` },
      channel: { id: message.channel, name: "sales" },
      message: { type: "message", ts: message.ts, text: message.text, blocks: message.blocks, user: "UBOT" },
      response_url: h.fake.responseUrl(responseId),
      actions: [action],
    });
    if (status !== 200) throw new Error(`click answered ${status}`);
    return { responseId, triggerId };
  };

  h.openedView = async (triggerId, from) => {
    const call = await h.fake.waitFor("views.open", (c) => c.body.trigger_id === triggerId, from === undefined ? {} : { from });
    // The adapter may still change it (the form replacing "working", a language guessed wrong): the modal as it stands once the adapter is done.
    await h.adapter.idle();
    const id = (call.answer as { view?: { id?: string } } | undefined)?.view?.id;
    const updates = h.fake.calls.slice(h.fake.calls.indexOf(call)).filter((c) => c.method === "views.update" && c.body.view_id === id);
    return { id: next("V"), view: (updates.at(-1) ?? call).body.view };
  };

  h.submit = async (user, opened, values) => {
    const state: Record<string, Record<string, object>> = {};
    for (const [blockId, value] of Object.entries(values)) {
      const block = opened.view.blocks.find((b: any) => b.block_id === blockId);
      if (!block) throw new Error(`the modal has no block ${blockId}`);
      const el = block.element;
      state[blockId] = {
        [el.action_id]: Array.isArray(value)
          ? { type: el.type, selected_options: el.options.filter((o: any) => value.includes(o.value)) }
          : { type: el.type, value },
      };
    }
    const { status, text } = await h.interact({
      type: "view_submission",
      team: { id: user.team, domain: `${user.team.toLowerCase()}-team` },
      user: { id: user.id, username: user.name, name: user.name, team_id: user.team },
      api_app_id: "A_APP",
      token: "legacy",
      trigger_id: next("trigger"),
      view: {
        ...opened.view, id: opened.id, team_id: user.team, app_id: "A_APP", bot_id: "BBOT", hash: "h", root_view_id: opened.id, previous_view_id: null,
        clear_on_close: false, notify_on_close: false, state: { values: state },
      },
      response_urls: [],
    });
    return { status, body: text ? JSON.parse(text) : undefined };
  };

  h.event = (body, o = {}) => h.post(JSON.stringify(body), { contentType: "application/json", ...o });

  return h;
}

export function sign(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

/** A reply posted to a response_url, as a message a test can click on. */
export function asMessage(body: SlackCall["body"], channel = "C_SALES"): PostedMessage {
  return { ts: next("17000000.") , channel, blocks: body.blocks ?? [], text: body.text ?? "" };
}

/** The button (or select) with this label on card `card` of the blocks. */
export function control(blocks: Blocks, label: string, card?: number): Control {
  for (const block of blocks) {
    if (block.type !== "actions" || (card !== undefined && !String(block.block_id).startsWith(`c${card}:`))) continue;
    for (const el of block.elements) {
      const text = el.type === "button" ? el.text.text : el.placeholder?.text;
      if (text === label) return { label, block_id: block.block_id, action_id: el.action_id, value: el.value, type: el.type, options: el.options };
    }
  }
  throw new Error(`no control "${label}" in ${JSON.stringify(blocks.filter((b) => b.type === "actions"))}`);
}

/** Every text a person would read in the blocks, for loose assertions. */
export function textOf(blocks: Blocks): string {
  const out: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === "object") {
      const o = node as Record<string, unknown>;
      if (typeof o.text === "string") out.push(o.text);
      for (const [k, v] of Object.entries(o)) if (k !== "text" || typeof v !== "string") walk(v);
    }
  };
  walk(blocks);
  return out.join("\n");
}

/** Moves the CRM's clock on by `ms` (past the few seconds in which a repeated slash command counts as sent twice). */
export function later(t: CrmFixture, ms = 11_000): void {
  t.clock.set(new Date(t.clock.now.getTime() + ms).toISOString());
}

export function headers(blocks: Blocks): string[] {
  return blocks.filter((b) => b.type === "header").map((b) => b.text.text);
}
