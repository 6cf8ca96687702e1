import type { App } from "@slack/bolt";
import { IMPORT_LIMITS } from "../../src/import/limits.ts";
import type { InputFile } from "../../src/reply.ts";
import { progressRelay } from "../shared/progress-relay.ts";
import { FILE_WINDOW_MS, fileKey } from "./dedupe-keys.ts";
import type { SlackDeps } from "./deps.ts";
import { execute } from "./locales.ts";
import { renderReply } from "./render-blocks.ts";
import { describeError } from "./slack-logger.ts";

/** A file as a `message` event's `files` or files.info describe it. */
interface SlackFile {
  id?: string;
  name?: string;
  size?: number;
  /** Who uploaded it. */
  user?: string;
  url_private_download?: string;
  url_private?: string;
}

interface FileMessage {
  channel: string;
  channel_type?: string;
  user?: string;
  subtype?: string;
  bot_id?: string;
  files?: SlackFile[];
}

/** `file_shared` carries ids only (see @slack/types FileSharedEvent). */
interface FileSharedEvent {
  channel_id?: string;
  user_id?: string;
  file_id?: string;
  file?: { id?: string };
}

interface EventBody {
  event_id: string;
  team_id: string;
  authorizations?: { user_id?: string; is_bot?: boolean }[];
}

/** One share of files into a direct message with the bot, from either event. */
interface Share {
  teamId: string;
  userId: string;
  channelId: string;
  /** As the event described them; one without a download URL or size is looked up with files.info. */
  shared: { id: string; described?: SlackFile }[];
}

/**
 * A file sent to the bot in a direct message is an import: downloaded with the bot token (the
 * `files:read` scope), its dry run answered in the same DM. Slack announces it twice — a
 * `message` (subtype `file_share`, `message.im`) carrying the file, and `file_shared` carrying
 * its id — and retries either: every delivery is keyed on the file, so one upload is one dry run
 * (in this process; across replicas the core's receipt answers the same dry run). Only direct
 * messages: a file dropped in a channel is the team's, not a request to the bot. Files the bot
 * uploaded itself (an export) are not imports.
 */
export function registerFileMessages(app: App, deps: SlackDeps): void {
  app.event("message", async ({ event, body }) => {
    const message = event as FileMessage;
    const ids = (message.files ?? []).filter((f): f is SlackFile & { id: string } => typeof f?.id === "string" && f.id !== "");
    if (message.channel_type !== "im" || message.bot_id || !message.user || ids.length === 0) return;
    if (message.subtype !== undefined && message.subtype !== "file_share") return;
    const { team_id: teamId } = body as EventBody;
    await importShare(deps, { teamId, userId: message.user, channelId: message.channel, shared: ids.map((f) => ({ id: f.id, described: f })) });
  });

  app.event("file_shared", async ({ event, body, context }) => {
    const shared = event as FileSharedEvent;
    const { team_id: teamId, authorizations } = body as EventBody;
    const fileId = shared.file_id ?? shared.file?.id;
    const botUserId = context.botUserId ?? authorizations?.find((a) => a.is_bot)?.user_id;
    // A DM's id starts with D; the bot's own uploads (exports) are announced too.
    if (!fileId || !shared.user_id || !shared.channel_id?.startsWith("D") || shared.user_id === botUserId) return;
    await importShare(deps, { teamId, userId: shared.user_id, channelId: shared.channel_id, shared: [{ id: fileId }] });
  });
}

async function importShare(deps: SlackDeps, share: Share): Promise<void> {
  const keys = share.shared.map((f) => fileKey(share.teamId, f.id));
  const claimed = keys.filter((key) => deps.events.claim(key, true));
  // Some of these files are being handled (or were) through the other event or an earlier delivery.
  if (claimed.length < keys.length) {
    claimed.forEach((key) => deps.events.delete(key));
    return;
  }
  const { channelId } = share;
  try {
    const identity = await deps.identities.resolve({ teamId: share.teamId, userId: share.userId, channelId });
    // Several files at once: the core refuses them by name, so none is downloaded.
    const files = share.shared.length === 1 ? [await downloadFile(deps, await describeFile(deps, share.shared[0]!))] : share.shared.map((f) => ({ name: f.described?.name ?? f.id, bytes: new Uint8Array(0) }));
    const relay = progressRelay(
      (update) => deps.api.chat.postMessage({ channel: channelId, ...renderReply(update) }),
      (error) => deps.logger.warn(`could not send import progress to ${share.userId}: ${describeError(error)}`),
    );
    const reply = await execute(deps, identity, "import", {
      dedupeKey: fileKey(share.teamId, share.shared[0]!.id), dedupeWindowMs: FILE_WINDOW_MS, files, onProgress: relay.push,
    });
    await relay.settled();
    await deps.api.chat.postMessage({ channel: channelId, ...renderReply(reply) });
  } catch (error) {
    // Let Slack's retry of this delivery (or the other event) try again.
    keys.forEach((key) => deps.events.delete(key));
    deps.logger.error("file message failed", error);
  }
}

/** The event's description when it says where and how big; files.info otherwise (`file_shared`, or a file Slack says to check). */
async function describeFile(deps: SlackDeps, file: { id: string; described?: SlackFile }): Promise<SlackFile> {
  const given = file.described;
  if (given && given.size !== undefined && (given.url_private_download ?? given.url_private)) return given;
  const info = await deps.api.files.info({ file: file.id });
  if (!info.file) throw new Error(`files.info told nothing about ${file.id}`);
  return info.file as SlackFile;
}

/**
 * Slack serves a private file only with the bot token; without it (or without `files:read`)
 * it answers 200 with its sign-in page, so an HTML answer is a failure too. A file larger than
 * the import limit is not fetched: the core refuses it by its announced size.
 */
async function downloadFile(deps: SlackDeps, file: SlackFile): Promise<InputFile> {
  const name = file.name ?? "file";
  const size = file.size ?? 0;
  if (size > IMPORT_LIMITS.maxFileBytes) return { name, bytes: new Uint8Array(0), size };
  const url = file.url_private_download ?? file.url_private;
  if (!url) throw new Error(`file ${file.id ?? name} has no download URL`);
  const response = await fetch(url, { headers: { authorization: `Bearer ${deps.api.token}` }, signal: AbortSignal.timeout(30_000) });
  const type = response.headers.get("content-type") ?? "";
  if (!response.ok || type.startsWith("text/html")) {
    await response.body?.cancel();
    throw new Error(`downloading ${name} answered ${response.status} ${type} (does the app have files:read?)`);
  }
  return { name, bytes: new Uint8Array(await response.arrayBuffer()) };
}
