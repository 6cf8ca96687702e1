import { createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";

/**
 * How far a request's `X-Slack-Request-Timestamp` may be from now, either way. Bolt refuses only
 * old ones; a timestamp in the future is as much a sign of a forged or replayed request (or a
 * clock badly off), so it is refused too.
 */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;

export type Verdict = { ok: true } | { ok: false; reason: string };

/** Slack's signature: `v0=` + hex HMAC-SHA256(signing secret, `v0:<timestamp>:<raw body>`), within 5 minutes of `nowMs`. */
export function verifySlackRequest(rawBody: string, headers: IncomingHttpHeaders, signingSecret: string, nowMs: number): Verdict {
  const timestamp = headers["x-slack-request-timestamp"];
  const signature = headers["x-slack-signature"];
  if (typeof timestamp !== "string" || !/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: "missing or unreadable X-Slack-Request-Timestamp" };
  if (typeof signature !== "string") return { ok: false, reason: "missing X-Slack-Signature" };
  if (Math.abs(nowMs - Number(timestamp) * 1000) > MAX_CLOCK_SKEW_MS) return { ok: false, reason: "the request timestamp is more than 5 minutes from now (a replay?)" };
  const expected = Buffer.from(`v0=${createHmac("sha256", signingSecret).update(`v0:${timestamp}:${rawBody}`).digest("hex")}`, "utf8");
  const given = Buffer.from(signature, "utf8");
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: "the signature does not match" };
  return { ok: true };
}
