import type { App } from "@slack/bolt";
import type { Identity } from "../../src/crm/identity.ts";
import type { Reply } from "../../src/reply.ts";
import type { SlackDeps } from "./deps.ts";
import { LIMITS, plain } from "./mrkdwn.ts";
import { actionId } from "./payload-codec.ts";
import { renderReply, type Block } from "./render-blocks.ts";

/**
 * Publishes a person's App Home: their pipeline by stage and today's due list (the core's home
 * view), a "new prospect" button, and on top the answer to what they just did there, if anything.
 */
export async function publishHome(deps: SlackDeps, identity: Identity, notice?: Reply): Promise<void> {
  const s = await deps.locales.strings(identity);
  let home: Reply;
  try {
    home = await deps.crm.homeView(identity);
  } catch (error) {
    deps.logger.error("home view failed", error);
    home = { ok: false, ephemeral: false, text: s.failed, cards: [] };
  }
  const top: Block[] = [];
  if (notice) {
    const prefix = notice.ok ? ":white_check_mark: " : ":warning: ";
    top.push(...renderReply(notice.ok ? notice : { ...notice, cards: [] }, { maxBlocks: 30, introId: "notice", introPrefix: prefix }).blocks);
    top.push({ type: "divider", block_id: "notice:end" });
  }
  // The form's command, run bare, answers with the form (see render-actions.ts).
  top.push({ type: "actions", block_id: "home:new", elements: [{ type: "button", action_id: actionId("form", 0), text: plain(s.newProspect, LIMITS.buttonText), value: "add", style: "primary" }] });
  const firstCard = notice?.ok ? notice.cards.length : 0;
  const body = renderReply(home, { maxBlocks: LIMITS.viewBlocks - top.length, firstCard });
  await deps.api.views.publish({ user_id: identity.userId, view: { type: "home", callback_id: "crm_home", blocks: [...top, ...body.blocks] } });
}

/** Opening the Home tab publishes it; a retried delivery of the same event does nothing more. */
export function registerHome(app: App, deps: SlackDeps): void {
  app.event("app_home_opened", async ({ event, body }) => {
    if (event.tab !== "home") return;
    const eventId = (body as { event_id?: string }).event_id;
    if (eventId && !deps.events.claim(eventId, true)) return;
    try {
      const teamId = (body as { team_id?: string }).team_id ?? "";
      const identity = await deps.identities.resolve({ teamId, userId: event.user });
      await publishHome(deps, identity);
    } catch (error) {
      // Let Slack's retry of this delivery try again.
      if (eventId) deps.events.delete(eventId);
      deps.logger.error("could not publish the App Home", error);
    }
  });
}
