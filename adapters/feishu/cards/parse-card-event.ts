import { z } from "zod";
import type { TriggeredAction } from "./action-value.ts";

/** A `card.action.trigger` callback (schema 2.0, header and event flattened by the SDK). */
export interface CardEvent {
  eventId: string;
  tenantKey: string;
  openId: string;
  /** The message holding the card, and its chat. */
  messageId: string;
  chatId: string | undefined;
  timeZone: string | undefined;
  action: TriggeredAction;
}

const schema = z.object({
  event_id: z.string().optional(),
  tenant_key: z.string().optional(),
  operator: z.object({ open_id: z.string().min(1), tenant_key: z.string().optional() }),
  action: z.object({
    value: z.unknown().optional(),
    option: z.unknown().optional(),
    form_value: z.unknown().optional(),
    input_value: z.unknown().optional(),
    timezone: z.string().optional(),
  }),
  // Current callbacks nest the ids under `context`; older surfaces put them at the root.
  context: z.object({ open_message_id: z.string().optional(), open_chat_id: z.string().optional() }).optional(),
  open_message_id: z.string().optional(),
  open_chat_id: z.string().optional(),
});

export function parseCardEvent(data: unknown): CardEvent | undefined {
  const parsed = schema.safeParse(data);
  if (!parsed.success) return undefined;
  const d = parsed.data;
  const tenantKey = d.tenant_key ?? d.operator.tenant_key;
  const messageId = d.context?.open_message_id ?? d.open_message_id;
  if (!tenantKey || !messageId) return undefined;
  return {
    eventId: d.event_id ?? `${messageId}:${Date.now()}`,
    tenantKey,
    openId: d.operator.open_id,
    messageId,
    chatId: d.context?.open_chat_id ?? d.open_chat_id,
    timeZone: d.action.timezone,
    action: d.action,
  };
}
