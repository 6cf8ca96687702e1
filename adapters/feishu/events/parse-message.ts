import { z } from "zod";

/**
 * An `im.message.receive_v1` event (as the SDK hands it over: header and event flattened) read
 * as a command, or the reason it is not one. Never throws: a payload Feishu may change must not
 * take the bot down.
 */
export type ParsedMessage =
  | {
      kind: "command";
      /** The text with the bot's @-mention removed; other mentions become `<@open_id>`. */
      text: string;
      eventId: string;
      messageId: string;
      tenantKey: string;
      openId: string;
      chatId: string;
      chatType: "p2p" | "group";
      /** People @-mentioned besides the bot, with the names Feishu gave. */
      mentioned: { openId: string; name: string }[];
    }
  | { kind: "unsupported"; reason: "malformed" | "not_from_a_person" | "not_text" | "not_addressed_to_bot" };

const mentionSchema = z.object({
  key: z.string(),
  id: z.object({ open_id: z.string().optional() }).partial().optional(),
  name: z.string().optional(),
  mentioned_type: z.string().optional(),
});
type Mention = z.infer<typeof mentionSchema>;

const eventSchema = z.object({
  event_id: z.string().optional(),
  uuid: z.string().optional(),
  tenant_key: z.string().min(1),
  sender: z.object({
    sender_id: z.object({ open_id: z.string().min(1) }),
    sender_type: z.string().optional(),
    tenant_key: z.string().optional(),
  }),
  message: z.object({
    message_id: z.string().min(1),
    chat_id: z.string().min(1),
    chat_type: z.string(),
    message_type: z.string(),
    content: z.string(),
    mentions: z.array(mentionSchema).optional(),
  }),
});

export function parseMessageEvent(data: unknown, botOpenId: string | undefined): ParsedMessage {
  const parsed = eventSchema.safeParse(data);
  if (!parsed.success) return { kind: "unsupported", reason: "malformed" };
  const { sender, message, tenant_key } = parsed.data;
  if (sender.sender_type !== undefined && sender.sender_type !== "user") return { kind: "unsupported", reason: "not_from_a_person" };
  const raw = textOf(message.message_type, message.content);
  if (raw === undefined) return { kind: "unsupported", reason: "not_text" };
  const mentions = message.mentions ?? [];
  const bot = findBotMention(raw, mentions, botOpenId);
  const chatType = message.chat_type === "p2p" ? "p2p" : "group";
  // In a group the bot answers only when spoken to.
  if (chatType === "group" && !bot) return { kind: "unsupported", reason: "not_addressed_to_bot" };
  let text = raw;
  const mentioned: { openId: string; name: string }[] = [];
  for (const m of [...mentions].sort((a, b) => b.key.length - a.key.length)) {
    const openId = m.id?.open_id;
    const replacement = m === bot || !openId ? "" : `<@${openId}>`;
    if (m !== bot && openId) mentioned.push({ openId, name: m.name ?? openId });
    text = text.split(m.key).join(replacement);
  }
  return {
    kind: "command",
    text: text.trim(),
    eventId: parsed.data.event_id ?? parsed.data.uuid ?? message.message_id,
    messageId: message.message_id,
    tenantKey: tenant_key,
    openId: sender.sender_id.open_id,
    chatId: message.chat_id,
    chatType,
    mentioned,
  };
}

/**
 * The mention that addresses the bot. Its open_id is known once `bot/v3/info` answered; until
 * then, a mention Feishu marks as a bot, or the one the message starts with.
 */
function findBotMention(text: string, mentions: Mention[], botOpenId: string | undefined): Mention | undefined {
  if (botOpenId) return mentions.find((m) => m.id?.open_id === botOpenId);
  return mentions.find((m) => m.mentioned_type === "bot") ?? mentions.find((m) => m.key !== "@_all" && text.trimStart().startsWith(m.key));
}

/** Plain text, or the text runs of a rich-text (post) message; undefined for anything else. */
function textOf(type: string, content: string): string | undefined {
  let body: unknown;
  try {
    body = JSON.parse(content);
  } catch {
    return undefined;
  }
  if (!body || typeof body !== "object") return undefined;
  if (type === "text") {
    const text = (body as { text?: unknown }).text;
    return typeof text === "string" ? text : undefined;
  }
  if (type === "post") {
    const post = body as { title?: unknown; content?: unknown };
    if (!Array.isArray(post.content)) return undefined;
    const lines = post.content.map((line: unknown) =>
      Array.isArray(line)
        ? line.map((run: { tag?: string; text?: string; user_id?: string }) => (run.tag === "at" ? (run.user_id ?? "") : (run.text ?? ""))).join("")
        : "",
    );
    return lines.join("\n");
  }
  return undefined;
}
