import type { App } from "@slack/bolt";
import type { Identity } from "../../src/crm/identity.ts";
import { IMPORT_LIMITS } from "../../src/import/limits.ts";
import type { InputFile, OutputFile } from "../../src/reply.ts";
import { eventKey } from "./dedupe-keys.ts";
import type { SlackDeps } from "./deps.ts";
import { execute } from "./locales.ts";
import { renderReply } from "./render-blocks.ts";
import { describeError } from "./slack-logger.ts";

interface SharedFile {
  id?: string;
  name?: string;
  size?: number;
  url_private_download?: string;
  url_private?: string;
}

interface FileMessage {
  channel: string;
  channel_type?: string;
  user?: string;
  subtype?: string;
  bot_id?: string;
  files?: SharedFile[];
}

/**
 * A file sent to the bot in a direct message (a `message.im` event carrying `files`, subtype
 * `file_share`) is an import: it is downloaded with the bot token (the `files:read` scope) and
 * its dry run answered in the same DM. Only direct messages: a file dropped in a channel is
 * the team's, not a request to the bot. Retried deliveries are keyed on the event id like
 * every other DM.
 */
export function registerFileMessages(app: App, deps: SlackDeps): void {
  app.event("message", async ({ event, body }) => {
    const message = event as FileMessage;
    const file = message.files?.[0];
    if (message.channel_type !== "im" || message.bot_id || !message.user || !file) return;
    if (message.subtype !== undefined && message.subtype !== "file_share") return;
    const { event_id: eventId, team_id: teamId } = body as { event_id: string; team_id: string };
    if (!deps.events.claim(`file:${eventId}`, true)) return;
    try {
      const identity = await deps.identities.resolve({ teamId, userId: message.user, channelId: message.channel });
      const input = await downloadFile(deps, file);
      const reply = await execute(deps, identity, "import", { dedupeKey: eventKey(eventId), files: [input] });
      await deps.api.chat.postMessage({ channel: message.channel, ...renderReply(reply) });
    } catch (error) {
      deps.events.delete(`file:${eventId}`);
      deps.logger.error("file message failed", error);
    }
  });
}

/**
 * Slack serves a private file only with the bot token; without it (or without `files:read`)
 * it answers 200 with its sign-in page, so an HTML answer is a failure too. A file larger than
 * the import limit is not fetched: the core refuses it by its announced size.
 */
async function downloadFile(deps: SlackDeps, file: SharedFile): Promise<InputFile> {
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
