import type { App } from "@slack/bolt";
import { eventKey } from "./dedupe-keys.ts";
import type { SlackDeps } from "./deps.ts";
import { execute } from "./locales.ts";
import { renderReply } from "./render-blocks.ts";
import { deliverFiles } from "./deliver-files.ts";
import { progressRelay } from "../shared/progress-relay.ts";
import { describeError } from "./slack-logger.ts";

interface DirectMessage {
  channel: string;
  channel_type?: string;
  user?: string;
  text?: string;
  subtype?: string;
  bot_id?: string;
}

/**
 * A direct message to the bot (its Messages tab) is a command too: `list`, `add Acme`… Events
 * are acknowledged by Bolt before this runs. Slack retries a delivery it thinks failed
 * (`X-Slack-Retry-Num`): the event id keys the core's receipt, so a retry never writes twice,
 * and one this process has already answered is not answered again.
 */
export function registerMessages(app: App, deps: SlackDeps): void {
  app.event("message", async ({ event, body }) => {
    const message = event as DirectMessage;
    if (message.channel_type !== "im" || message.subtype || message.bot_id || !message.user || !message.text?.trim()) return;
    const { event_id: eventId, team_id: teamId } = body as { event_id: string; team_id: string };
    if (!deps.events.claim(eventId, true)) return;
    try {
      const identity = await deps.identities.resolve({ teamId, userId: message.user, channelId: message.channel });
      // A `yes` to an import's dry run: its progress comes as messages before the answer.
      const progress = progressRelay(
        (update) => deps.api.chat.postMessage({ channel: message.channel, ...renderReply(update) }),
        (error) => deps.logger.warn(`could not send progress to ${message.user}: ${describeError(error)}`),
      );
      const reply = await execute(deps, identity, message.text, { dedupeKey: eventKey(eventId), onProgress: progress.push });
      await progress.settled();
      await deps.api.chat.postMessage({ channel: message.channel, ...renderReply(reply) });
      await deliverFiles(deps, message.user, reply, eventKey(eventId), message.channel);
    } catch (error) {
      // Let Slack's retry of this delivery try again.
      deps.events.delete(eventId);
      deps.logger.error("direct message failed", error);
    }
  });
}
