import type { AckFn, App, ViewResponseAction, ViewSubmitAction } from "@slack/bolt";
import { composeCommand, quoteValue } from "../../src/commands/compose.ts";
import type { Identity } from "../../src/crm/identity.ts";
import type { Reply } from "../../src/reply.ts";
import { viewKey } from "./dedupe-keys.ts";
import type { SlackDeps } from "./deps.ts";
import { deliver, type ReplyTarget } from "./delivery.ts";
import { within } from "./forms.ts";
import { describeError } from "./slack-logger.ts";
import { clip } from "./mrkdwn.ts";
import { execute } from "./locales.ts";
import { doneModal, fieldErrorsFor, FORM_CALLBACK, NOTE_BLOCK, noticeModal, PROMPT_CALLBACK, readForm, readNote, reviseForm, workingModal } from "./modals.ts";
import { decodeMeta, type ModalOrigin } from "./payload-codec.ts";
import { slackStrings } from "./strings.ts";

type Ack = AckFn<ViewResponseAction>;

/**
 * Modal submissions. Slack wants the answer within 3 seconds and only that answer can show
 * errors under the inputs, so the core gets `submitDeadlineMs` to decide: a refusal keeps the
 * modal open with its errors (nothing was written); past the deadline the modal says "working"
 * and the outcome follows. The view id is the dedupe key: a modal submitted twice writes once.
 */
export function registerViews(app: App, deps: SlackDeps): void {
  app.view<ViewSubmitAction>(PROMPT_CALLBACK, async ({ ack, body }) => guarded(deps, ack, (once) => submitPrompt(deps, body, once)));
  app.view<ViewSubmitAction>(FORM_CALLBACK, async ({ ack, body }) => guarded(deps, ack, (once) => submitForm(deps, body, once)));
}

async function submitPrompt(deps: SlackDeps, body: ViewSubmitAction, ack: Ack): Promise<void> {
  const started = Date.now();
  const { view } = body;
  const identity = await identityOf(deps, body);
  const meta = decodeMeta(view.private_metadata);
  if (!meta) return ack({ response_action: "errors", errors: { [NOTE_BLOCK]: (await deps.locales.strings(identity)).expired } });
  // Quoted, so a stray quote or `key=value` in the note reaches the core as typed.
  const line = `${meta.command} ${quoteValue(readNote(view.state.values).trim())}`;
  const run = execute(deps, identity, line, { dedupeKey: viewKey(view.id) });
  const first = await within(run, deps.submitDeadlineMs - (Date.now() - started));
  if (first.done && !first.value.ok) return ack({ response_action: "errors", errors: { [NOTE_BLOCK]: clip(first.value.text, 2000) } });
  await ack();
  const reply = first.done ? first.value : await run;
  await deliverOnce(deps, view.id, identity, targetOf(deps, meta.origin), reply);
}

async function submitForm(deps: SlackDeps, body: ViewSubmitAction, ack: Ack): Promise<void> {
  const started = Date.now();
  const { view } = body;
  const identity = await identityOf(deps, body);
  // The person's chosen language, looked up (when not known already) while the core works.
  const strings = deps.locales.strings(identity);
  const meta = decodeMeta(view.private_metadata);
  if (!meta) {
    const s = await strings;
    return ack({ response_action: "update", view: noticeModal(view.title.text, s.expired, false, s) });
  }
  const { fields, force } = readForm(view.state.values);
  const line = composeCommand(meta.command, { ...fields, ...(force ? { force: "yes" } : {}) });
  const run = execute(deps, identity, line, { dedupeKey: viewKey(view.id) });
  const first = await within(run, deps.submitDeadlineMs - (Date.now() - started));
  // Slack's deadline comes first: past it, the language users.info gave.
  const known = await within(strings, deps.submitDeadlineMs - (Date.now() - started));
  const s = known.done ? known.value : slackStrings(identity.locale);
  if (first.done && !first.value.ok) {
    const errors = fieldErrorsFor(first.value.fieldErrors ?? {}, view.blocks);
    if (Object.keys(errors).length > 0) return ack({ response_action: "errors", errors });
    return ack({ response_action: "update", view: reviseForm(view, fields, first.value.text, offersForce(first.value, force), s) });
  }
  if (first.done) await ack();
  else await ack({ response_action: "update", view: workingModal(view, s) });
  const reply = first.done ? first.value : await run;
  if (!first.done) {
    const next = reply.ok ? doneModal(view, reply.text, s) : reviseForm(view, fields, reply.text, offersForce(reply, force), s);
    await deps.api.views.update({ view_id: view.id, view: next }).catch((error) => deps.logger.warn(`could not update the modal: ${describeError(error)}`));
  }
  if (reply.ok) await deliverOnce(deps, view.id, identity, targetOf(deps, meta.origin), reply);
}

/** Only the duplicate check can be overridden, with force=yes. */
function offersForce(reply: Reply & { code?: string }, forced: boolean): boolean {
  return !forced && reply.code === "duplicate";
}

function identityOf(deps: SlackDeps, body: ViewSubmitAction) {
  return deps.identities.resolve({
    teamId: body.team?.id ?? body.user.team_id ?? body.view.team_id,
    userId: body.user.id,
    userName: body.user.name,
    ...(body.team?.domain ? { teamDomain: body.team.domain } : {}),
  });
}

function targetOf(deps: SlackDeps, origin: ModalOrigin): ReplyTarget {
  if (origin.kind === "home") return { kind: "home" };
  const { stash, ...target } = origin;
  const blocks = stash ? deps.stash.get(stash) : undefined;
  return { ...target, ...(blocks ? { blocks } : {}) };
}

/** A second copy of a submission gets the core's first answer and writes nothing; it need not be shown twice either. */
async function deliverOnce(deps: SlackDeps, viewId: string, identity: Identity, target: ReplyTarget, reply: Reply): Promise<void> {
  if (!deps.events.claim(`view:${viewId}`, true)) return;
  await deliver(deps, identity, target, reply);
}

/** Whatever fails, Slack gets an answer in time and the process goes on. */
async function guarded(deps: SlackDeps, ack: Ack, work: (ack: Ack) => Promise<void>): Promise<void> {
  let acked = false;
  const once: Ack = async (response) => {
    if (acked) return;
    acked = true;
    await ack(response);
  };
  try {
    await work(once);
  } catch (error) {
    deps.logger.error("modal submission failed", error);
  } finally {
    if (!acked) await once().catch(() => {});
  }
}
