import { randomUUID } from "node:crypto";
import type { App, BlockAction, types } from "@slack/bolt";
import type { Reply } from "../../src/reply.ts";
import { CLICK_WINDOW_MS, clickKey } from "./dedupe-keys.ts";
import type { SlackDeps } from "./deps.ts";
import { deliver, progressFor, type ReplyTarget } from "./delivery.ts";
import { formOf } from "./forms.ts";
import type { SlackUserRef } from "./identity.ts";
import { execute } from "./locales.ts";
import { formModal, loadingModal, noticeModal, promptModal } from "./modals.ts";
import { ACTION_ID_PATTERN, actionKindOf, cardIndexOf, decodePrompt, type ModalOrigin } from "./payload-codec.ts";
import { describeError } from "./slack-logger.ts";
import { slackStrings, type SlackStrings } from "./strings.ts";

type AnyBlock = types.KnownBlock | types.Block;
type Modal = types.ModalView;
interface ClickedElement {
  action_id: string;
  block_id?: string;
  value?: string;
  /** A button's label, as Slack sends it back. */
  text?: { text?: string };
  selected_option?: { value: string } | null;
}

/**
 * Card buttons and selects. Acknowledged first; a `run` or `choose` goes to the core with a
 * click key (a double click writes once) and the card is updated in place; a `prompt` or
 * `form` opens its modal, which carries where the answer goes.
 */
export function registerActions(app: App, deps: SlackDeps): void {
  app.action(ACTION_ID_PATTERN, async ({ ack, body, action }) => {
    await ack();
    await onClick(deps, body as BlockAction, action as ClickedElement).catch((error) => deps.logger.error("button failed", error));
  });
}

async function onClick(deps: SlackDeps, body: BlockAction, element: ClickedElement): Promise<void> {
  const ref = clickerOf(body);
  const target = targetOf(body, element);
  const kind = actionKindOf(element.action_id);
  if (kind === "prompt") return openPrompt(deps, body, element, ref, target);
  if (kind === "form") return openForm(deps, body, element, ref, target);
  const line = kind === "run" ? element.value : element.selected_option?.value;
  if (!line) return;
  const identity = await deps.identities.resolve(ref);
  // An import's confirm button: its progress comes as messages below the card it will replace.
  const progress = progressFor(deps, identity, target);
  const reply = await execute(deps, identity, line, { ...clickOnce(body, element, line), onProgress: progress.push });
  await progress.settled();
  await deliver(deps, identity, target, reply);
}

/**
 * The trigger of a click dies 3 seconds after it and users.info alone may take 2, so a modal is
 * opened first, from what the click carries, in the language known without asking anyone; who
 * clicked is looked up after. A prompt button's value holds all its modal needs (command,
 * question, title): a wrong language guess is corrected in place once the person is known.
 */
async function openPrompt(deps: SlackDeps, body: BlockAction, element: ClickedElement, ref: SlackUserRef, target: ReplyTarget): Promise<void> {
  const prompt = decodePrompt(element.value);
  if (!prompt) {
    const identity = await deps.identities.resolve(ref);
    await deliver(deps, identity, noCard(target), refusal((await deps.locales.strings(identity)).expired));
    return;
  }
  const guess = guessStrings(deps, ref);
  const meta = { command: prompt.command, origin: originOf(deps, target) };
  const viewId = await openModal(deps, body.trigger_id, promptModal(prompt, meta, guess));
  const identity = await deps.identities.resolve(ref);
  const s = await deps.locales.strings(identity);
  if (viewId === undefined) await deliver(deps, identity, noCard(target), refusal(s.openFailed));
  else if (s !== guess) await updateModal(deps, viewId, promptModal(prompt, meta, s));
}

/**
 * A form button opens a "working" modal at once, then runs its command bare: the core answers
 * with the form, in the clicker's language, and it replaces the modal. Anything else the core
 * answers (a refusal) is said in the modal instead.
 */
async function openForm(deps: SlackDeps, body: BlockAction, element: ClickedElement, ref: SlackUserRef, target: ReplyTarget): Promise<void> {
  if (!element.value) return;
  const guess = guessStrings(deps, ref);
  const title = element.text?.text || guess.working;
  const viewId = await openModal(deps, body.trigger_id, loadingModal(title, guess));
  const identity = await deps.identities.resolve(ref);
  // A form button's value is a command like any other: a double click runs it once.
  const reply = await execute(deps, identity, element.value, clickOnce(body, element, element.value));
  const s = await deps.locales.strings(identity);
  const form = formOf(reply);
  if (form) {
    const shown = viewId !== undefined && (await updateModal(deps, viewId, formModal(form, { command: form.command, origin: originOf(deps, target) }, s)));
    if (!shown) await deliver(deps, identity, noCard(target), refusal(s.openFailed));
    return;
  }
  const shown = viewId !== undefined && (await updateModal(deps, viewId, noticeModal(title, reply.text, reply.ok, s)));
  if (!shown || reply.cards.length > 0) await deliver(deps, identity, noCard(target), reply);
}

/** A double click within the window writes once (see dedupe-keys.ts). */
function clickOnce(body: BlockAction, element: ClickedElement, line: string): { dedupeKey: string; dedupeWindowMs: number } {
  const where = body.message?.ts ?? (body.container?.message_ts as string | undefined) ?? body.view?.id ?? "-";
  return { dedupeKey: clickKey(body.user.id, where, element.block_id, element.action_id, line), dedupeWindowMs: CLICK_WINDOW_MS };
}

/** The view id, or undefined when Slack would not open it (an expired trigger); the person is told by the caller. */
async function openModal(deps: SlackDeps, triggerId: string, view: Modal): Promise<string | undefined> {
  try {
    return (await deps.api.views.open({ trigger_id: triggerId, view })).view?.id;
  } catch (error) {
    deps.logger.warn(`could not open a modal: ${describeError(error)}`);
    return undefined;
  }
}

async function updateModal(deps: SlackDeps, viewId: string, view: Modal): Promise<boolean> {
  try {
    await deps.api.views.update({ view_id: viewId, view });
    return true;
  } catch (error) {
    deps.logger.warn(`could not update the modal: ${describeError(error)}`);
    return false;
  }
}

/** The clicker's language as far as it is known right now: the one they chose, else users.info's. */
function guessStrings(deps: SlackDeps, ref: SlackUserRef): SlackStrings {
  return slackStrings(deps.locales.peek(ref.teamId, ref.userId) ?? deps.identities.cachedLocale(ref));
}

function clickerOf(body: BlockAction): SlackUserRef {
  const channelId = channelOf(body);
  return {
    teamId: body.team?.id ?? body.user.team_id ?? "",
    userId: body.user.id,
    userName: body.user.username ?? body.user.name,
    ...(body.team?.domain ? { teamDomain: body.team.domain } : {}),
    ...(channelId ? { channelId } : {}),
  };
}

function channelOf(body: BlockAction): string | undefined {
  return body.channel?.id ?? (body.container?.channel_id as string | undefined);
}

function targetOf(body: BlockAction, element: ClickedElement): ReplyTarget {
  if (body.view?.type === "home") return { kind: "home" };
  const channelId = channelOf(body);
  const card = cardIndexOf(element.block_id);
  return { kind: "message", responseUrl: body.response_url, ...(channelId ? { channelId } : {}), ...(card !== undefined ? { card } : {}), ...blocksOf(body) };
}

function blocksOf(body: BlockAction): { blocks?: AnyBlock[] } {
  const blocks = body.message?.blocks as AnyBlock[] | undefined;
  return Array.isArray(blocks) ? { blocks } : {};
}

/** What the modal must remember to answer where the click came from; the message's blocks wait in memory. */
function originOf(deps: SlackDeps, target: ReplyTarget): ModalOrigin {
  if (target.kind === "home") return { kind: "home" };
  const origin: ModalOrigin = { kind: "message" };
  if (target.responseUrl) origin.responseUrl = target.responseUrl;
  if (target.channelId) origin.channelId = target.channelId;
  if (target.card !== undefined) origin.card = target.card;
  if (target.blocks) {
    origin.stash = randomUUID();
    deps.stash.set(origin.stash, target.blocks);
  }
  return origin;
}

function refusal(text: string): Reply {
  return { ok: false, ephemeral: true, text, cards: [] };
}

function noCard(target: ReplyTarget): ReplyTarget {
  if (target.kind === "home") return target;
  const { card: _card, blocks: _blocks, ...rest } = target;
  return rest;
}
