import type { types } from "@slack/bolt";
import type { Reply } from "../../src/reply.ts";
import { cardBlockId } from "./payload-codec.ts";
import { escapeMrkdwn, LIMITS, mrkdwn } from "./mrkdwn.ts";
import { renderCard } from "./render-blocks.ts";

type AnyBlock = types.KnownBlock | types.Block;

/**
 * The message again with card `index` replaced by the reply's card (or kept, when the reply has
 * none) and the reply's text under it — the other cards of the message stay as they were.
 * Undefined when the card is not found or the result would break Slack's limits.
 */
export function replaceCard(message: AnyBlock[], index: number, reply: Reply): AnyBlock[] | undefined {
  const prefix = cardBlockId(index, "");
  const start = message.findIndex((b) => b.block_id?.startsWith(prefix));
  if (start < 0) return undefined;
  let end = start;
  while (end < message.length && message[end]!.block_id?.startsWith(prefix)) end++;
  const note = cardBlockId(index, "note");
  const card = reply.cards[0];
  const fresh: AnyBlock[] = card ? renderCard(card, index) : message.slice(start, end).filter((b) => b.block_id !== note);
  const text = reply.text.trim();
  if (text && text !== card?.title) {
    fresh.push({ type: "context", block_id: note, elements: [mrkdwn(`:white_check_mark: ${escapeMrkdwn(text)}`, LIMITS.contextText)] });
  }
  const blocks = [...message.slice(0, start), ...fresh, ...message.slice(end)];
  return blocks.length <= LIMITS.messageBlocks ? blocks : undefined;
}
