import { createHash } from "node:crypto";
import type { Crm } from "../../../src/crm/crm.ts";
import type { Identity } from "../../../src/crm/identity.ts";
import type { Locale } from "../../../src/domain/localized.ts";
import type { Reply } from "../../../src/reply.ts";
import type { FeishuApi } from "../api/feishu-api.ts";
import type { FeishuLogger } from "../api/lark-client.ts";
import type { People } from "../events/people.ts";
import { isReadOnlyCommand } from "../../../src/commands/read-only.ts";
import { CLICK_WINDOW_MS } from "../../shared/dedupe.ts";
import type { WorkQueue } from "../events/work-queue.ts";
import { textsFor } from "../i18n.ts";
import { commandForAction, type ActionValue } from "./action-value.ts";
import type { FeishuCard } from "./elements.ts";
import { parseCardEvent, type CardEvent } from "./parse-card-event.ts";
import { renderReply, type RenderOptions } from "./render-card.ts";
import { feishuProgress } from "../events/progress.ts";

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
const NAME_BUDGET_MS = 800;

/**
 * `card.action.trigger`: the clicked button's command runs as the person who clicked, and the
 * answer replaces the card (an error keeps it and says why in a toast). A refused `add` form
 * comes back with its values and the problems marked. A card that others may see (in a group)
 * or that a job sent (the morning list, the weekly summary) is never replaced: the click is
 * answered with the toast, and the card is sent to the person privately (see `placeOf`).
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
    // Too slow for Feishu's 3 seconds: answer now, replace the card once the command is done
    // (a card that may not be replaced has had its answer sent privately by then).
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
  // An import's confirm button: its progress comes as messages in the person's chat with the bot
  // while the card waits (a long import outlives the callback's 3 seconds: "working", then the card).
  const progress = feishuProgress(deps.api, deps.logger, { type: "open_id", id: event.openId }, `${event.eventId}`);
  const reply = await crm.execute(
    identity,
    line,
    // A form's values are a new customer: the same submission never writes twice.
    { ...(value.k === "form" ? { dedupeKey: `feishu:form:${receipt}` } : { dedupeKey: `feishu:card:${receipt}`, dedupeWindowMs: CLICK_WINDOW_MS }), onProgress: progress.push },
  );
  await progress.settled();
  const locale = await deps.people.localeOf(identity);
  const t = textsFor(locale);
  const place = placeOf(value);
  const readOnly = isReadOnlyCommand(line);
  // Whatever the click shows next is for the person who clicked: rendered as a private card.
  const render = (r: Reply, options: Omit<RenderOptions, "locale" | "privateChat"> = {}) => renderReply(r, { locale, privateChat: true, ...options });
  /** Replaces the clicked card when only the clicker sees it and it is not a job's; otherwise sends the card to them. */
  const show = (card: FeishuCard, answer: CallbackResponse["toast"]): CallbackResponse => {
    if (place.replaceable) return { toast: answer, card: raw(card) };
    // A double click gets the core's first reply back, so keyed on it the card is shown once;
    // opening something again later is a new message.
    sendPrivately(deps, event, place, card, readOnly ? `click:${event.eventId}` : `click:${hash(`${receipt}:${JSON.stringify(card)}`)}`);
    return { toast: readOnly ? { type: "info", content: place.shared ? t.openedPrivately : t.opened } : answer };
  };
  if (!reply.ok) {
    if (value.k !== "form") return { toast: toast("error", reply.text, locale) };
    const blank = await crm.execute(identity, value.c);
    const state = {
      values: command.formValues ?? {},
      fieldErrors: reply.fieldErrors ?? {},
      error: reply.text,
      offerForce: !value.f && reply.code === "duplicate",
    };
    return show(render(blank, { form: state }), toast("error", reply.text, locale));
  }
  const view = viewOf(value);
  if (view && readOnly) {
    // Opening one item of a list: shown as a new message (below, or privately), the list stays as it is.
    sendPrivately(deps, event, place, render(reply), `click:${event.eventId}`);
    return { toast: { type: "info", content: place.shared ? t.openedPrivately : t.opened } };
  }
  if (view && isReadOnlyCommand(view)) {
    const refreshed = await crm.execute(identity, view);
    if (refreshed.ok) return show(render(refreshed, { view }), toast("success", reply.text, locale));
  }
  return show(render(reply, readOnly ? { view: line } : {}), toast("success", reply.text, locale));
}

/**
 * Where the clicked card is, from the marks the adapter rendered into it (the callback names
 * the chat, not whether it is a group). `shared`: it may be seen by others — a group, or a card
 * sent before the marks existed — so nothing is shown in place. `replaceable`: a private card
 * that is not a job's message (a morning list or a weekly summary holds more than the one item
 * clicked, and must stay whole).
 */
interface Place {
  shared: boolean;
  replaceable: boolean;
}

function placeOf(value: ActionValue): Place {
  const shared = value.p !== 1;
  return { shared, replaceable: !shared && value.j !== 1 };
}

/**
 * A card for the person who clicked, as a new message: by direct message when the clicked card
 * may be seen by others, else below the clicked one, in its (private) chat. Queued, so it never
 * holds up the callback's answer; `key` becomes the message's `uuid`.
 */
function sendPrivately(deps: CardActionDeps, event: CardEvent, place: Place, card: FeishuCard, key: string): void {
  const message = { msgType: "interactive" as const, content: JSON.stringify(card) };
  if (place.shared) {
    deps.queue.run(`dm:${event.openId}`, async () => {
      await deps.api.send("open_id", event.openId, message, key);
    });
  } else {
    deps.queue.run(`chat:${event.chatId ?? event.messageId}`, async () => {
      await deps.api.reply(event.messageId, message, key);
    });
  }
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
