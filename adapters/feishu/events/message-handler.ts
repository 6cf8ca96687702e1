import type { Crm } from "../../../src/crm/crm.ts";
import { SendError } from "../../../src/ports/outbound.ts";
import type { FeishuApi } from "../api/feishu-api.ts";
import type { FeishuLogger } from "../api/lark-client.ts";
import { renderReply } from "../cards/render-card.ts";
import type { BotIdentity } from "./bot-identity.ts";
import { parseMessageEvent } from "./parse-message.ts";
import type { People } from "./people.ts";
import { isReadOnlyCommand } from "./read-only.ts";
import type { SeenSet } from "./seen.ts";
import type { WorkQueue } from "./work-queue.ts";

export interface MessageHandlerDeps {
  crm: Crm;
  api: FeishuApi;
  people: People;
  bot: BotIdentity;
  seen: SeenSet;
  queue: WorkQueue;
  logger: FeishuLogger;
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
    if (keys.some((k) => seen.has(k))) {
      deps.logger.info(`feishu: delivery ${ids.eventId} of message ${ids.messageId} seen before; not answered again`);
      return;
    }
    keys.forEach((k) => seen.add(k));
    queue.run(`chat:${ids.chatId}`, async () => {
      const delivered = await answer(deps, data);
      // A reply that could not be sent for now: let Feishu's re-push try again.
      if (!delivered) keys.forEach((k) => seen.delete(k));
    });
  };
}

/** Runs the command and sends the answer; false when sending failed in a way a retry may fix. */
async function answer(deps: MessageHandlerDeps, data: unknown): Promise<boolean> {
  const { crm, api, people, logger } = deps;
  const parsed = parseMessageEvent(data, await deps.bot.get());
  if (parsed.kind === "unsupported") return true;
  const identity = await people.identity(parsed.tenantKey, parsed.openId, { chatId: parsed.chatId });
  const reply = await crm.execute(identity, parsed.text, { dedupeKey: `feishu:msg:${parsed.messageId}` });
  const locale = await people.localeOf(identity);
  const view = isReadOnlyCommand(parsed.text) ? parsed.text : undefined;
  const message = { msgType: "interactive" as const, content: JSON.stringify(renderReply(reply, { locale, ...(view ? { view } : {}) })) };
  const key = `reply:${parsed.messageId}`;
  try {
    // In a group the answer quotes the question; in a direct chat it simply follows it.
    if (parsed.chatType === "group") await api.reply(parsed.messageId, message, key);
    else await api.send("chat_id", parsed.chatId, message, key);
    return true;
  } catch (error) {
    logger.error(`feishu: could not answer message ${parsed.messageId}`, error instanceof Error ? error.message : error);
    return !(error instanceof SendError && error.retryable);
  }
}

function deliveryIds(data: unknown): { eventId: string; messageId: string; chatId: string } | undefined {
  const d = data as { event_id?: unknown; uuid?: unknown; message?: { message_id?: unknown; chat_id?: unknown } } | null;
  const messageId = d?.message?.message_id;
  if (typeof messageId !== "string" || messageId === "") return undefined;
  const eventId = typeof d?.event_id === "string" ? d.event_id : typeof d?.uuid === "string" ? d.uuid : messageId;
  const chatId = typeof d?.message?.chat_id === "string" ? d.message.chat_id : messageId;
  return { eventId, messageId, chatId };
}
