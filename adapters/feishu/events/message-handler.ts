import type { Crm } from "../../../src/crm/crm.ts";
import { SendError } from "../../../src/ports/outbound.ts";
import type { Locale } from "../../../src/domain/localized.ts";
import type { FeishuApi, OutgoingMessage } from "../api/feishu-api.ts";
import type { FeishuLogger } from "../api/lark-client.ts";
import { renderReply } from "../cards/render-card.ts";
import { textsFor } from "../i18n.ts";
import type { BotIdentity } from "./bot-identity.ts";
import { parseMessageEvent, type ParsedMessage } from "./parse-message.ts";
import type { People } from "./people.ts";
import { isReadOnlyCommand } from "../../../src/commands/read-only.ts";
import type { RecentKeys } from "../../shared/recent-keys.ts";
import type { WorkQueue } from "./work-queue.ts";
import type { FeishuFilesApi } from "../api/files-api.ts";
import { answerFile, parseFileMessage, sendReplyFiles } from "./files.ts";
import { sendImages } from "../send-files.ts";
import { feishuProgress } from "./progress.ts";

export interface MessageHandlerDeps {
  crm: Crm;
  api: FeishuApi;
  people: People;
  bot: BotIdentity;
  /** Delivery ids (event_id, message_id) seen lately: Feishu re-pushes for up to about 7 hours. */
  seen: RecentKeys<true>;
  queue: WorkQueue;
  logger: FeishuLogger;
  /** Files in chat: an import sent as a file, an export sent back as one. */
  files: FeishuFilesApi;
}

/**
 * `im.message.receive_v1`: acknowledges at once (Feishu re-pushes after 3 s) and runs the
 * command afterwards, one chat's commands in order. A delivery seen before — same event_id, or
 * the same message under a new event_id — is dropped; should it slip through (a restart), the
 * core's receipt for `feishu:msg:<message_id>` writes nothing and Feishu's `uuid` shows the
 * answer once.
 */
export function createMessageHandler(deps: MessageHandlerDeps): (data: unknown) => void {
  const { seen, queue } = deps;
  return (data) => {
    const ids = deliveryIds(data);
    if (!ids) return;
    const keys = [`event:${ids.eventId}`, `message:${ids.messageId}`];
    if (keys.some((k) => seen.get(k) !== undefined)) {
      deps.logger.info(`feishu: delivery ${ids.eventId} of message ${ids.messageId} seen before; not answered again`);
      return;
    }
    keys.forEach((k) => seen.set(k, true));
    queue.run(`chat:${ids.chatId}`, async () => {
      const delivered = await answer(deps, data);
      // A reply that could not be sent for now: let Feishu's re-push try again.
      if (!delivered) keys.forEach((k) => seen.delete(k));
    });
  };
}

/** Runs the command and sends the answer; false when sending failed in a way a retry may fix. */
async function answer(deps: MessageHandlerDeps, data: unknown): Promise<boolean> {
  const { crm, people, logger } = deps;
  const parsed = parseMessageEvent(data, await deps.bot.get());
  if (parsed.kind === "unsupported") {
    const file = parsed.reason === "not_text" ? parseFileMessage(data) : undefined;
    return file ? answerFile(deps, file) : true;
  }
  const identity = await people.identity(parsed.tenantKey, parsed.openId, { chatId: parsed.chatId });
  // A `是` to an import's dry run: its progress goes where the private answer will, before it.
  const progressTo = parsed.chatType === "group" ? { type: "open_id" as const, id: parsed.openId } : { type: "chat_id" as const, id: parsed.chatId };
  const progress = feishuProgress(deps.api, logger, progressTo, parsed.messageId);
  const reply = await crm.execute(identity, parsed.text, { dedupeKey: `feishu:msg:${parsed.messageId}`, onProgress: progress.push });
  await progress.settled();
  const locale = await people.localeOf(identity);
  const view = isReadOnlyCommand(parsed.text) ? parsed.text : undefined;
  const privately = parsed.chatType === "group" && reply.ephemeral;
  const card = (privateChat: boolean) => ({
    msgType: "interactive" as const,
    content: JSON.stringify(renderReply(reply, { locale, privateChat, ...(view ? { view } : {}) })),
  });
  try {
    // Private in a group: by DM. Otherwise, in a group the answer quotes the question (a reply
    // not meant to be private); in a direct chat it simply follows it.
    if (privately) await answerPrivately(deps, parsed, locale, card(true));
    else if (parsed.chatType === "group") await deps.api.reply(parsed.messageId, card(false), `reply:${parsed.messageId}`);
    else await deps.api.send("chat_id", parsed.chatId, card(true), `reply:${parsed.messageId}`);
    // Images (a report's charts) follow the card where it went; other files (an export) go by DM.
    if (reply.files?.length) {
      if (privately) await sendImages(deps.api, "open_id", parsed.openId, reply.files, `dm:${parsed.messageId}`);
      else await sendImages(deps.api, "chat_id", parsed.chatId, reply.files, `reply:${parsed.messageId}`);
    }
    await sendReplyFiles(deps, parsed.openId, parsed.messageId, reply);
    return true;
  } catch (error) {
    logger.error(`feishu: could not answer message ${parsed.messageId}`, error instanceof Error ? error.message : error);
    return !(error instanceof SendError && error.retryable);
  }
}

/**
 * A reply meant for the asker alone (every command's: mobiles, call notes, the pipeline), asked
 * in a group: sent to them by direct message, with a short pointer quoting the question in the
 * group. Why not Feishu's "visible only to you" card (`POST /open-apis/ephemeral/v1/send`): the
 * SDK this adapter is built on (@larksuiteoapi/node-sdk 1.74) has no such call, so its request
 * and answer could not be checked against a reference — only guessed; a direct message uses the
 * message API the adapter already sends everything with (same `uuid` dedupe, same errors), its
 * card stays in the person's chat list, and its buttons, clicked in a direct chat, update it in
 * place. Both sends carry a `uuid` derived from the message id, so a re-push shows neither twice.
 */
async function answerPrivately(deps: MessageHandlerDeps, parsed: Extract<ParsedMessage, { kind: "command" }>, locale: Locale, message: OutgoingMessage): Promise<void> {
  const t = textsFor(locale);
  let pointer = t.repliedPrivately;
  try {
    await deps.api.send("open_id", parsed.openId, message, `dm:${parsed.messageId}`);
  } catch (error) {
    // Worth another try (the re-push retries both sends): let the caller say so.
    if (!(error instanceof SendError) || error.retryable) throw error;
    // The bot may not write to them (outside the app's availability…): say so, show nothing else.
    deps.logger.warn(`feishu: could not message ${parsed.openId} privately; answered in the group with a pointer only`, error.message);
    pointer = t.cannotMessageYou;
  }
  await deps.api.reply(parsed.messageId, { msgType: "text", content: JSON.stringify({ text: pointer }) }, `reply:${parsed.messageId}`);
}

function deliveryIds(data: unknown): { eventId: string; messageId: string; chatId: string } | undefined {
  const d = data as { event_id?: unknown; uuid?: unknown; message?: { message_id?: unknown; chat_id?: unknown } } | null;
  const messageId = d?.message?.message_id;
  if (typeof messageId !== "string" || messageId === "") return undefined;
  const eventId = typeof d?.event_id === "string" ? d.event_id : typeof d?.uuid === "string" ? d.uuid : messageId;
  const chatId = typeof d?.message?.chat_id === "string" ? d.message.chat_id : messageId;
  return { eventId, messageId, chatId };
}
