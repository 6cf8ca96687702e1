import { createHash } from "node:crypto";
import type { Crm } from "../../../src/crm/crm.ts";
import type { Identity } from "../../../src/crm/identity.ts";
import type { Locale } from "../../../src/domain/localized.ts";
import type { FeishuApi } from "../api/feishu-api.ts";
import type { FeishuLogger } from "../api/lark-client.ts";
import type { People } from "../events/people.ts";
import { isReadOnlyCommand } from "../events/read-only.ts";
import type { WorkQueue } from "../events/work-queue.ts";
import { textsFor } from "../i18n.ts";
import { commandForAction, type ActionValue } from "./action-value.ts";
import type { FeishuCard } from "./elements.ts";
import { parseCardEvent, type CardEvent } from "./parse-card-event.ts";
import { renderReply } from "./render-card.ts";

/** What Feishu shows after a click: a toast, and the card replaced when `card` is given. */
export interface CallbackResponse {
  toast: { type: "success" | "error" | "info" | "warning"; content: string; i18n?: { zh_cn: string; en_us: string } };
  card?: { type: "raw"; data: FeishuCard };
}

export interface CardActionDeps {
  crm: Crm;
  api: FeishuApi;
  people: People;
  queue: WorkQueue;
  logger: FeishuLogger;
  /** Feishu waits 3 s for the answer; past this, answer "working" and update the card later. */
  budgetMs: number;
}

// A double click within this window writes once; the same button works again later.
const CLICK_WINDOW_MS = 60_000;
const NAME_BUDGET_MS = 800;

/**
 * `card.action.trigger`: the clicked button's command runs as the person who clicked, and the
 * answer replaces the card (an error keeps it and says why in a toast). A refused `add` form
 * comes back with its values and the problems marked.
 */
export function createCardActionHandler(deps: CardActionDeps): (data: unknown) => Promise<CallbackResponse> {
  return async (data) => {
    const event = parseCardEvent(data);
    if (!event) return { toast: bilingual("error", "unknownAction") };
    // The budget counts from the moment the callback arrived, the name look-up included.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), deps.budgetMs)));
    const where = { ...(event.chatId ? { chatId: event.chatId } : {}), ...(event.timeZone ? { timeZone: event.timeZone } : {}) };
    const work: Promise<CallbackResponse> = deps.people
      .identity(event.tenantKey, event.openId, where, NAME_BUDGET_MS)
      .then((identity) => respond(deps, event, identity))
      .catch((error: unknown) => {
        deps.logger.error("feishu: card action failed", error);
        return { toast: bilingual("error", "failed") };
      });
    const answer = await Promise.race([work, late]);
    clearTimeout(timer);
    if (answer) return answer;
    // Too slow for Feishu's 3 seconds: answer now, replace the card once the command is done.
    deps.queue.run(`card:${event.messageId}`, async () => {
      const finished = await work;
      if (finished.card) await deps.api.patchCard(event.messageId, finished.card.data);
    });
    return { toast: bilingual("info", "working") };
  };
}

/** A toast in both languages; Feishu shows the one matching the person's client. */
function bilingual(type: CallbackResponse["toast"]["type"], key: "unknownAction" | "failed" | "working"): CallbackResponse["toast"] {
  const zh = textsFor("zh-CN")[key];
  return { type, content: zh, i18n: { zh_cn: zh, en_us: textsFor("en")[key] } };
}

async function respond(deps: CardActionDeps, event: CardEvent, identity: Identity): Promise<CallbackResponse> {
  const { crm } = deps;
  const command = commandForAction(event.action);
  if (command.kind !== "command") {
    const t = textsFor(await deps.people.localeOf(identity));
    return { toast: { type: "error", content: command.kind === "empty" ? t.typeSomething : t.unknownAction } };
  }
  const { line, value } = command;
  const receipt = `${event.messageId}:${event.openId}:${hash(line)}`;
  const reply = await crm.execute(
    identity,
    line,
    // A form's values are a new customer: the same submission never writes twice.
    value.k === "form" ? { dedupeKey: `feishu:form:${receipt}` } : { dedupeKey: `feishu:card:${receipt}`, dedupeWindowMs: CLICK_WINDOW_MS },
  );
  const locale = await deps.people.localeOf(identity);
  if (!reply.ok) {
    if (value.k !== "form") return { toast: toast("error", reply.text, locale) };
    const blank = await crm.execute(identity, value.c);
    const state = {
      values: command.formValues ?? {},
      fieldErrors: reply.fieldErrors ?? {},
      error: reply.text,
      offerForce: !value.f && reply.code === "duplicate",
    };
    return { toast: toast("error", reply.text, locale), card: raw(renderReply(blank, { locale, form: state })) };
  }
  const view = viewOf(value);
  if (view && isReadOnlyCommand(line)) {
    // Opening one item of a list: shown as a new message below, the list stays as it is.
    const content = JSON.stringify(renderReply(reply, { locale }));
    deps.queue.run(`chat:${event.chatId ?? event.messageId}`, async () => {
      await deps.api.reply(event.messageId, { msgType: "interactive", content }, `open:${event.eventId}`);
    });
    return { toast: { type: "info", content: textsFor(locale).opened } };
  }
  if (view && isReadOnlyCommand(view)) {
    const refreshed = await crm.execute(identity, view);
    if (refreshed.ok) return { toast: toast("success", reply.text, locale), card: raw(renderReply(refreshed, { locale, view })) };
  }
  const ownView = isReadOnlyCommand(line) ? { view: line } : {};
  return { toast: toast("success", reply.text, locale), card: raw(renderReply(reply, { locale, ...ownView })) };
}

function viewOf(value: ActionValue): string | undefined {
  return "v" in value ? value.v : undefined;
}

function toast(type: "success" | "error", text: string, locale: Locale): CallbackResponse["toast"] {
  const line = text.trim().split("\n")[0]?.trim() || textsFor(locale).done;
  return { type, content: line.length > 200 ? `${line.slice(0, 199)}…` : line };
}

function raw(data: FeishuCard): NonNullable<CallbackResponse["card"]> {
  return { type: "raw", data };
}

function hash(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 16);
}
