import type { App, SlashCommand } from "@slack/bolt";
import type { SlackDeps } from "./deps.ts";
import { deliver } from "./delivery.ts";
import { formOf } from "./forms.ts";
import { describeError } from "./slack-logger.ts";
import { formModal } from "./modals.ts";
import { slackStrings } from "./strings.ts";

/**
 * `/prospect …`: acknowledged at once (Slack allows 3 seconds, a slow database may take more),
 * then run by the core and answered through the response_url. A reply that offers a form
 * (bare `add`) opens it as a modal while the trigger is still fresh.
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
  const reply = await deps.crm.execute(identity, command.text ?? "");
  const target = { kind: "message" as const, responseUrl: command.response_url, channelId: command.channel_id };
  const form = formOf(reply);
  if (form && command.trigger_id) {
    const meta = { command: form.command, origin: { kind: "message" as const, responseUrl: command.response_url, channelId: command.channel_id } };
    try {
      await deps.api.views.open({ trigger_id: command.trigger_id, view: formModal(form, meta, slackStrings(identity.locale)) });
      return;
    } catch (error) {
      // The trigger lives 3 seconds; past that the card's own button opens the form.
      deps.logger.warn(`could not open the form; answering with its button instead: ${describeError(error)}`);
      const s = slackStrings(identity.locale);
      await deliver(deps, identity, target, { ...reply, text: `${reply.text}\n${s.cannotOpen}` });
      return;
    }
  }
  await deliver(deps, identity, target, reply);
}
