import { createHash } from "node:crypto";

/**
 * The keys the core dedupes on. A click is the person, the message (or view), the block, the
 * button and what it runs: a double click within the window writes once, the same button
 * tomorrow works. The person is part of it: the same button on a channel message clicked by
 * someone else is their own click — and must get their own answer (maybe a refusal), never
 * the first clicker's.
 */
export { CLICK_WINDOW_MS } from "../shared/dedupe.ts";

export function clickKey(userId: string, where: string, blockId: string | undefined, actionId: string, value: string): string {
  const hash = createHash("sha256").update(value).digest("hex").slice(0, 16);
  return `slack:click:${userId}:${where}:${blockId ?? "-"}:${actionId}:${hash}`;
}

/**
 * A slash command has no delivery id: the same text from the same person within the window is
 * taken as sent twice (a double Enter, a resend) and answered with the first reply; typed again
 * later, it runs again.
 */
export const SLASH_WINDOW_MS = 10_000;

export function slashKey(teamId: string, userId: string, text: string): string {
  return `slack:slash:${teamId}:${userId}:${createHash("sha1").update(text).digest("hex")}`;
}

/** A modal submitted twice is the same view id; a refused submission keeps no receipt, so it can be fixed and resent. */
export function viewKey(viewId: string): string {
  return `slack:view:${viewId}`;
}

/** Slack retries an Events API delivery with the same event id. */
export function eventKey(eventId: string): string {
  return `slack:event:${eventId}`;
}

/**
 * One file shared with the bot comes as two events when both are subscribed (a `message` with
 * `files`, and `file_shared`), each possibly retried: all of them are one import, keyed on the
 * file. Within the hour only: the same file shared again later is checked again.
 */
export const FILE_WINDOW_MS = 60 * 60_000;

export function fileKey(teamId: string, fileId: string): string {
  return `slack:file:${teamId}:${fileId}`;
}
