/**
 * A verified request body read the way Slack sends it: a form (slash commands, `ssl_check`),
 * a form whose `payload` field is JSON (interactivity), or JSON (the Events API). Anything that
 * is not an object in the end is malformed — `payload=null` once crashed Bolt's own receiver.
 */
export type ParsedBody = { ok: true; body: Record<string, unknown> } | { ok: false; reason: string };

export function parseSlackBody(rawBody: string, contentType: string | undefined): ParsedBody {
  const type = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  if (type === "application/json") return asObject(parseJson(rawBody), "the JSON body is not an object");
  if (type !== "application/x-www-form-urlencoded") return { ok: false, reason: `unexpected content type "${type}"` };
  const form = new URLSearchParams(rawBody);
  if (form.has("payload")) return asObject(parseJson(form.get("payload")!), "the payload field is not a JSON object");
  return { ok: true, body: Object.fromEntries(form) };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function asObject(value: unknown, reason: string): ParsedBody {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? { ok: true, body: value as Record<string, unknown> } : { ok: false, reason };
}
