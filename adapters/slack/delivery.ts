import type { types } from "@slack/bolt";
import type { Identity } from "../../src/crm/identity.ts";
import type { Reply } from "../../src/reply.ts";
import { replaceCard } from "./card-update.ts";
import type { SlackDeps } from "./deps.ts";
import { deliverFiles } from "./deliver-files.ts";
import { publishHome } from "./home.ts";
import { describeError } from "./slack-logger.ts";
import { renderReply } from "./render-blocks.ts";
import { progressRelay, type ProgressRelay } from "../shared/progress-relay.ts";

type AnyBlock = types.KnownBlock | types.Block;

/** Where an answer goes: the message a command or click came from, or the person's App Home. */
export type ReplyTarget =
  | {
      kind: "message";
      responseUrl?: string;
      channelId?: string;
      /** The card that was clicked: a success replaces it in place. */
      card?: number;
      /** The clicked message's blocks, when Slack sent them. */
      blocks?: AnyBlock[];
    }
  | { kind: "home" };

/**
 * Shows a reply where it belongs. After a click, a success updates the card in place and a
 * refusal comes as an ephemeral message, leaving the card. A new reply is ephemeral when the
 * core says so (errors, help). When the response_url is gone, the person still gets the answer.
 */
export async function deliver(deps: SlackDeps, identity: Identity, target: ReplyTarget, reply: Reply): Promise<void> {
  await showReply(deps, identity, target, reply);
  await deliverFiles(deps, identity.userId, reply, `reply:${identity.workspaceId}:${identity.userId}:${Date.now()}`);
}

/**
 * Where a long command's progress messages go (an import's "2,500 of 10,000 rows"): where its
 * answer will, as new messages only the person sees — never replacing the clicked card, which
 * the answer replaces. A response_url takes five posts: at most three progress messages and
 * the answer. Nothing goes to the Home tab, whose view the answer alone replaces.
 */
export function progressFor(deps: SlackDeps, identity: Identity, target: ReplyTarget): ProgressRelay {
  return progressRelay(
    async (update) => {
      if (target.kind !== "message") return;
      await showReply(deps, identity, { kind: "message", ...(target.responseUrl ? { responseUrl: target.responseUrl } : {}), ...(target.channelId ? { channelId: target.channelId } : {}) }, update);
    },
    (error) => deps.logger.warn(`could not show progress to ${identity.userId}: ${describeError(error)}`),
  );
}

async function showReply(deps: SlackDeps, identity: Identity, target: ReplyTarget, reply: Reply): Promise<void> {
  if (target.kind === "home") {
    await publishHome(deps, identity, reply);
    return;
  }
  const message = responseFor(target, reply);
  if (target.responseUrl) {
    try {
      await postToResponseUrl(target.responseUrl, message);
      return;
    } catch (error) {
      deps.logger.warn(`response_url refused the answer; sending it another way: ${describeError(error)}`);
    }
  }
  const { text, blocks } = renderReply(reply);
  try {
    if (target.channelId) await deps.api.chat.postEphemeral({ channel: target.channelId, user: identity.userId, text, blocks });
    else await deps.api.chat.postMessage({ channel: identity.userId, text, blocks });
  } catch (error) {
    deps.logger.error(`could not deliver a reply to ${identity.userId}`, error);
  }
}

function responseFor(target: Extract<ReplyTarget, { kind: "message" }>, reply: Reply): Record<string, unknown> {
  const rendered = renderReply(reply);
  if (!reply.ok) return { response_type: "ephemeral", replace_original: false, ...rendered };
  if (target.card !== undefined) {
    const blocks = target.blocks ? replaceCard(target.blocks, target.card, reply) : undefined;
    return { replace_original: true, text: rendered.text, blocks: blocks ?? rendered.blocks };
  }
  return { response_type: reply.ephemeral ? "ephemeral" : "in_channel", replace_original: false, ...rendered };
}

/** What Bolt's respond() does: a JSON POST to the response_url (valid 30 minutes, 5 uses). */
export async function postToResponseUrl(url: string, message: Record<string, unknown>): Promise<void> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(message),
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) throw new Error(`response_url answered ${response.status}`);
  await response.body?.cancel();
}
