import { createCipheriv, createHash, randomBytes, randomUUID } from "node:crypto";

/**
 * Builds webhook requests exactly as Feishu sends them: schema 2.0 events, encrypted with the
 * app's Encrypt Key (`{"encrypt": base64(iv ‖ AES-256-CBC)}`, key = SHA-256(encrypt key)) and
 * signed (`x-lark-signature` = hex SHA-256 of timestamp + nonce + encrypt key + body).
 */
export interface WebhookSecrets {
  encryptKey?: string;
  verificationToken?: string;
}

export interface WebhookRequest {
  body: string;
  headers: Record<string, string>;
}

export function encrypt(plaintext: string, encryptKey: string): string {
  const key = createHash("sha256").update(encryptKey).digest();
  const iv = randomBytes(16);
  const cipher = createCipheriv("aes-256-cbc", key, iv);
  return Buffer.concat([iv, cipher.update(plaintext, "utf8"), cipher.final()]).toString("base64");
}

export function sign(timestamp: string, nonce: string, encryptKey: string, body: string): string {
  return createHash("sha256").update(timestamp + nonce + encryptKey + body).digest("hex");
}

export interface BuildOptions {
  /** Send the payload as is even though an encrypt key is set. */
  plain?: boolean;
  /** Override the signature (a forgery), or `null` to send none. */
  signature?: string | null;
  /** Encrypt with this key instead of the app's (a wrongly encrypted body). */
  encryptWith?: string;
  timestamp?: string;
  nonce?: string;
}

/** An event or callback as Feishu would POST it to the request URL. */
export function webhookRequest(payload: object, secrets: WebhookSecrets, options: BuildOptions = {}): WebhookRequest {
  const headers: Record<string, string> = { "content-type": "application/json; charset=utf-8" };
  if (!secrets.encryptKey || options.plain) return { body: JSON.stringify(payload), headers };
  const body = JSON.stringify({ encrypt: encrypt(JSON.stringify(payload), options.encryptWith ?? secrets.encryptKey) });
  const timestamp = options.timestamp ?? String(Math.floor(Date.now() / 1000));
  const nonce = options.nonce ?? randomUUID();
  const signature = options.signature === undefined ? sign(timestamp, nonce, secrets.encryptKey, body) : options.signature;
  return {
    body,
    headers: {
      ...headers,
      "x-lark-request-timestamp": timestamp,
      "x-lark-request-nonce": nonce,
      ...(signature === null ? {} : { "x-lark-signature": signature }),
    },
  };
}

export async function postWebhook(url: string, request: WebhookRequest): Promise<{ status: number; json: any; text: string }> {
  const response = await fetch(url, { method: "POST", headers: request.headers, body: request.body });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, json, text };
}

let sequence = 0;
const nextId = (prefix: string) => `${prefix}_${Date.now().toString(36)}_${++sequence}`;

export interface MessageEventInput {
  tenantKey: string;
  openId: string;
  chatId: string;
  chatType?: "p2p" | "group";
  text?: string;
  /** For non-text messages: the message type and its raw content. */
  messageType?: string;
  content?: string;
  mentions?: { key: string; openId: string; name: string }[];
  eventId?: string;
  messageId?: string;
  token?: string;
  appId?: string;
}

/** `im.message.receive_v1` (schema 2.0). */
export function messageEvent(input: MessageEventInput) {
  return {
    schema: "2.0",
    header: {
      event_id: input.eventId ?? nextId("ev"),
      event_type: "im.message.receive_v1",
      create_time: String(Date.now()),
      token: input.token ?? "",
      app_id: input.appId ?? "cli_a1b2c3d4e5f60718",
      tenant_key: input.tenantKey,
    },
    event: {
      sender: { sender_id: { open_id: input.openId, union_id: `on_${input.openId}` }, sender_type: "user", tenant_key: input.tenantKey },
      message: {
        message_id: input.messageId ?? nextId("om"),
        create_time: String(Date.now()),
        chat_id: input.chatId,
        chat_type: input.chatType ?? "p2p",
        message_type: input.messageType ?? "text",
        content: input.content ?? JSON.stringify({ text: input.text ?? "" }),
        mentions: (input.mentions ?? []).map((m) => ({ key: m.key, id: { open_id: m.openId, union_id: `on_${m.openId}` }, name: m.name, tenant_key: input.tenantKey })),
      },
    },
  };
}

export interface CardActionInput {
  tenantKey: string;
  openId: string;
  messageId: string;
  chatId: string;
  /** The component's `behaviors[].value`. */
  value: unknown;
  tag?: string;
  option?: string;
  formValue?: Record<string, string>;
  name?: string;
  eventId?: string;
  token?: string;
  timezone?: string;
}

/** `card.action.trigger` (schema 2.0). */
export function cardActionEvent(input: CardActionInput) {
  return {
    schema: "2.0",
    header: {
      event_id: input.eventId ?? nextId("ev"),
      token: input.token ?? "",
      create_time: String(Date.now() * 1000),
      event_type: "card.action.trigger",
      tenant_key: input.tenantKey,
      app_id: "cli_a1b2c3d4e5f60718",
    },
    event: {
      operator: { tenant_key: input.tenantKey, open_id: input.openId, union_id: `on_${input.openId}` },
      token: `c-${randomUUID()}`,
      action: {
        value: input.value,
        tag: input.tag ?? "button",
        timezone: input.timezone ?? "Asia/Shanghai",
        ...(input.option !== undefined ? { option: input.option } : {}),
        ...(input.formValue ? { form_value: input.formValue } : {}),
        ...(input.name ? { name: input.name } : {}),
      },
      host: "im_message",
      context: { open_message_id: input.messageId, open_chat_id: input.chatId },
    },
  };
}

/** The URL-verification request Feishu sends when the request URL is saved. */
export function challengeRequest(challenge: string, token = "") {
  return { challenge, token, type: "url_verification" };
}
