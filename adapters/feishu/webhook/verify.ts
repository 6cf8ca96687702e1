import { createDecipheriv, createHash, timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";

export interface WebhookSecrets {
  /** The app's Encrypt Key: bodies are then encrypted and signed, and must be. */
  encryptKey?: string;
  /** The app's Verification Token: every event then carries it. */
  verificationToken?: string;
}

/** A webhook request read and checked: what to dispatch, the challenge to echo, or why not. */
export type VerifiedRequest =
  | { kind: "challenge"; challenge: string }
  | { kind: "event"; body: Record<string, unknown>; payload: Record<string, unknown> }
  | { kind: "rejected"; status: 400 | 401; reason: string };

/**
 * How far a signed request's `x-lark-request-timestamp` may be from now. The signature covers
 * the timestamp, so a recorded request cannot be given a new one: past this window it is a
 * replay (or a clock badly off) and refused.
 */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;

/** Feishu's signature: hex SHA-256 of timestamp + nonce + encrypt key + the raw body. */
export function signatureOf(timestamp: string, nonce: string, encryptKey: string, rawBody: string): string {
  return createHash("sha256").update(timestamp + nonce + encryptKey + rawBody).digest("hex");
}

/** `{"encrypt": base64(iv ‖ AES-256-CBC(body))}` with key = SHA-256(encrypt key). Throws when it does not decrypt. */
export function decrypt(encrypted: string, encryptKey: string): string {
  const data = Buffer.from(encrypted, "base64");
  if (data.length < 32 || data.length % 16 !== 0) throw new Error("not an AES-CBC payload");
  const key = createHash("sha256").update(encryptKey).digest();
  const decipher = createDecipheriv("aes-256-cbc", key, data.subarray(0, 16));
  return Buffer.concat([decipher.update(data.subarray(16)), decipher.final()]).toString("utf8");
}

/**
 * Checks one webhook request before anything acts on it. With an encrypt key the body must be
 * encrypted and signed (the URL-verification challenge excepted: Feishu does not sign it, and
 * decrypting it already proves the key), and a signed request must be recent (its timestamp
 * within 5 minutes of `now`, in ms); with a verification token, the token must match.
 * Garbage, a bad signature, a stale timestamp or a body that does not decrypt is refused,
 * never thrown.
 */
export function verifyWebhook(rawBody: string, headers: IncomingHttpHeaders, secrets: WebhookSecrets, now: () => number = Date.now): VerifiedRequest {
  const body = parseObject(rawBody);
  if (!body) return { kind: "rejected", status: 400, reason: "the body is not a JSON object" };
  let payload = body;
  if (secrets.encryptKey) {
    if (typeof body.encrypt !== "string") return { kind: "rejected", status: 400, reason: "an encrypted body was expected" };
    let decrypted: string;
    try {
      decrypted = decrypt(body.encrypt, secrets.encryptKey);
    } catch {
      return { kind: "rejected", status: 400, reason: "the body does not decrypt with the encrypt key" };
    }
    const inner = parseObject(decrypted);
    if (!inner) return { kind: "rejected", status: 400, reason: "the decrypted body is not a JSON object" };
    payload = inner;
    const signed = hasSignature(headers);
    if (signed || payload.type !== "url_verification") {
      if (!signed || !signatureMatches(headers, secrets.encryptKey, rawBody)) return { kind: "rejected", status: 401, reason: "bad or missing signature" };
    }
    if (signed && !isRecent(headers, now())) return { kind: "rejected", status: 401, reason: "the request timestamp is more than 5 minutes from now (a replay?)" };
  } else if ("encrypt" in body) {
    return { kind: "rejected", status: 400, reason: "an encrypted body arrived but no encrypt key is configured" };
  }
  if (secrets.verificationToken && tokenOf(payload) !== secrets.verificationToken) {
    return { kind: "rejected", status: 401, reason: "the verification token does not match" };
  }
  if (payload.type === "url_verification") {
    return typeof payload.challenge === "string" ? { kind: "challenge", challenge: payload.challenge } : { kind: "rejected", status: 400, reason: "a challenge without a challenge" };
  }
  return { kind: "event", body, payload };
}

function tokenOf(payload: Record<string, unknown>): unknown {
  const header = payload.header as { token?: unknown } | undefined;
  return header && typeof header === "object" && "token" in header ? header.token : payload.token;
}

function hasSignature(headers: IncomingHttpHeaders): boolean {
  return typeof headers["x-lark-signature"] === "string";
}

function signatureMatches(headers: IncomingHttpHeaders, encryptKey: string, rawBody: string): boolean {
  const timestamp = headers["x-lark-request-timestamp"];
  const nonce = headers["x-lark-request-nonce"];
  const signature = headers["x-lark-signature"];
  if (typeof timestamp !== "string" || typeof nonce !== "string" || typeof signature !== "string") return false;
  const expected = Buffer.from(signatureOf(timestamp, nonce, encryptKey, rawBody), "utf8");
  const given = Buffer.from(signature.toLowerCase(), "utf8");
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** `x-lark-request-timestamp` is in seconds; anything that is not a number is not recent. */
function isRecent(headers: IncomingHttpHeaders, nowMs: number): boolean {
  const timestamp = headers["x-lark-request-timestamp"];
  if (typeof timestamp !== "string" || !/^\d{1,12}$/.test(timestamp)) return false;
  return Math.abs(nowMs - Number(timestamp) * 1000) <= MAX_CLOCK_SKEW_MS;
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
