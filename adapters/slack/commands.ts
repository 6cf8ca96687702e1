import type { App, SlashCommand } from "@slack/bolt";
import { isReadOnlyCommand } from "../../src/commands/read-only.ts";
import { SLASH_WINDOW_MS, slashKey } from "./dedupe-keys.ts";
import type { SlackDeps } from "./deps.ts";
import { deliver, progressFor } from "./delivery.ts";
import { formOf } from "./forms.ts";
import { execute } from "./locales.ts";
import { describeError } from "./slack-logger.ts";
import { formModal } from "./modals.ts";

/**
 * `/prospect …`: acknowledged at once (Slack allows 3 seconds, a slow database may take more),
 * then run by the core and answered through the response_url. A reply that offers a form
 * (bare `add`) opens it as a modal while the trigger is still fresh.
 * The same command sent again by the same person within a few seconds (a double Enter, a
 * resend) is one command: it gets the first answer and writes nothing more.
 * Every slash command of this app lands here, so a workspace may rename /prospect.
 */
export function registerCommands(app: App, deps: SlackDeps): void {
  app.command(/^\/.+/, async ({ command, ack }) => {
    await ack();
    await runCommand(deps, command).catch((error) => deps.logger.error("slash command failed", error));
  });
}

async function runCommand(deps: SlackDeps, command: SlashCommand): Promise<void> {
  const identity = await deps.identities.resolve({
    teamId: command.team_id,
    userId: command.user_id,
    userName: command.user_name,
    teamDomain: command.team_domain,
    channelId: command.channel_id,
  });
  const text = command.text ?? "";
  // A repeated read shows the current state; only writes are answered from the first reply.
  const once = isReadOnlyCommand(text) ? {} : { dedupeKey: slashKey(command.team_id, command.user_id, text), dedupeWindowMs: SLASH_WINDOW_MS };
  const target = { kind: "message" as const, responseUrl: command.response_url, channelId: command.channel_id };
  const progress = progressFor(deps, identity, target);
  const reply = await execute(deps, identity, text, { ...once, onProgress: progress.push });
  await progress.settled();
  const form = formOf(reply);
  if (form && command.trigger_id) {
    const s = await deps.locales.strings(identity);
    const meta = { command: form.command, origin: { kind: "message" as const, responseUrl: command.response_url, channelId: command.channel_id } };
    try {
      await deps.api.views.open({ trigger_id: command.trigger_id, view: formModal(form, meta, s) });
      return;
    } catch (error) {
      // The trigger lives 3 seconds; past that the card's own button opens the form.
      deps.logger.warn(`could not open the form; answering with its button instead: ${describeError(error)}`);
      await deliver(deps, identity, target, { ...reply, text: `${reply.text}\n${s.cannotOpen}` });
      return;
    }
  }
  await deliver(deps, identity, target, reply);
}
