import { randomUUID } from "node:crypto";
import type { App, BlockAction, types } from "@slack/bolt";
import { CLICK_WINDOW_MS, clickKey } from "./dedupe-keys.ts";
import type { SlackDeps } from "./deps.ts";
import { deliver, type ReplyTarget } from "./delivery.ts";
import { formOf } from "./forms.ts";
import { formModal, promptModal } from "./modals.ts";
import { ACTION_ID_PATTERN, actionKindOf, cardIndexOf, decodePrompt, type ModalOrigin } from "./payload-codec.ts";
import { slackStrings } from "./strings.ts";

type AnyBlock = types.KnownBlock | types.Block;
interface ClickedElement {
  action_id: string;
  block_id?: string;
  value?: string;
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
  const teamId = body.team?.id ?? body.user.team_id ?? "";
  const channelId = body.channel?.id ?? (body.container.channel_id as string | undefined);
  const identity = await deps.identities.resolve({
    teamId,
    userId: body.user.id,
    userName: body.user.username ?? body.user.name,
    ...(body.team?.domain ? { teamDomain: body.team.domain } : {}),
    ...(channelId ? { channelId } : {}),
  });
  const fromHome = body.view?.type === "home";
  const card = cardIndexOf(element.block_id);
  const target: ReplyTarget = fromHome
    ? { kind: "home" }
    : { kind: "message", responseUrl: body.response_url, ...(channelId ? { channelId } : {}), ...(card !== undefined ? { card } : {}), ...blocksOf(body) };
  const s = slackStrings(identity.locale);
  const kind = actionKindOf(element.action_id);

  if (kind === "run" || kind === "choose") {
    const line = kind === "run" ? element.value : element.selected_option?.value;
    if (!line) return;
    const where = body.message?.ts ?? (body.container.message_ts as string | undefined) ?? body.view?.id ?? "-";
    const key = clickKey(body.user.id, where, element.block_id, element.action_id, line);
    const reply = await deps.crm.execute(identity, line, { dedupeKey: key, dedupeWindowMs: CLICK_WINDOW_MS });
    await deliver(deps, identity, target, reply);
    return;
  }
  const origin = originOf(deps, target);
  if (kind === "prompt") {
    const prompt = decodePrompt(element.value);
    if (!prompt) {
      await deliver(deps, identity, noCard(target), { ok: false, ephemeral: true, text: s.expired, cards: [] });
      return;
    }
    await deps.api.views.open({ trigger_id: body.trigger_id, view: promptModal(prompt, { command: prompt.command, origin }, s) });
    return;
  }
  if (kind === "form" && element.value) {
    // Run bare, the form's command answers with its form, in the clicker's language.
    const reply = await deps.crm.execute(identity, element.value);
    const form = formOf(reply);
    if (!form) {
      await deliver(deps, identity, noCard(target), reply);
      return;
    }
    await deps.api.views.open({ trigger_id: body.trigger_id, view: formModal(form, { command: form.command, origin }, s) });
  }
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

function noCard(target: ReplyTarget): ReplyTarget {
  if (target.kind === "home") return target;
  const { card: _card, blocks: _blocks, ...rest } = target;
  return rest;
}
