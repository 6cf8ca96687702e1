import type { FeishuApi, ReceiveIdType } from "../api/feishu-api.ts";
import type { FeishuLogger } from "../api/lark-client.ts";
import { progressRelay, type ProgressRelay } from "../../shared/progress-relay.ts";

/**
 * A long command's progress (an import's "2,500 of 10,000 rows") as plain text messages to the
 * person — in their direct chat with the bot, where imports happen and a group's private answers
 * go. Each carries a `uuid` from the delivery and its place in the sequence, so a re-pushed
 * event (answered from the core's receipt, without progress) or a retried send shows it once.
 */
export function feishuProgress(api: FeishuApi, logger: FeishuLogger, to: { type: ReceiveIdType; id: string }, key: string): ProgressRelay {
  return progressRelay(
    (update, index) => api.send(to.type, to.id, { msgType: "text", content: JSON.stringify({ text: update.text }) }, `progress:${key}:${index}`),
    (error) => logger.warn(`feishu: could not send progress to ${to.id}`, error instanceof Error ? error.message : error),
  );
}
