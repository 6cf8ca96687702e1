import { FORM_CALLBACK, PROMPT_CALLBACK } from "./modals.ts";
import { ACTION_ID_PATTERN } from "./payload-codec.ts";

/**
 * What the app does with a verified body, decided before any listener sees it:
 * - `handled`: one of ours, complete enough for the listeners (what a real payload may leave out
 *   is filled in by `normalize`);
 * - `ignored`: acknowledged at once and dropped — another app's buttons and views, `view_closed`,
 *   shortcuts, `block_suggestion`, legacy `interactive_message` / `dialog_*`, events the app did
 *   not subscribe to, `app_rate_limited`. Left to Bolt they would go unanswered for 3 s and then
 *   get a 404, which Slack counts as a failed delivery;
 * - `malformed`: not what Slack sends (a 400 in HTTP mode; acknowledged and dropped in Socket Mode).
 */
export type Classified = { kind: "handled"; what: string } | { kind: "ignored"; what: string } | { kind: "malformed"; reason: string };

const HANDLED_VIEWS = new Set([PROMPT_CALLBACK, FORM_CALLBACK]);
/** The manifest's bot events (`app_home_opened`, `message.im`, `file_shared`). */
const HANDLED_EVENTS = new Set(["app_home_opened", "message", "file_shared"]);

export function classifySlackBody(body: Record<string, unknown>): Classified {
  if (typeof body.command === "string") return slashCommand(body);
  const type = body.type;
  if (typeof type !== "string") return { kind: "malformed", reason: "neither a command nor a typed payload" };
  switch (type) {
    case "block_actions":
      return blockActions(body);
    case "view_submission":
      return viewSubmission(body);
    case "event_callback":
      return eventCallback(body);
    default:
      return { kind: "ignored", what: type };
  }
}

function slashCommand(body: Record<string, unknown>): Classified {
  const { command, user_id: userId, team_id: teamId } = body;
  if (!String(command).startsWith("/")) return { kind: "malformed", reason: "a command that does not start with /" };
  if (!nonEmpty(userId) || !nonEmpty(teamId)) return { kind: "malformed", reason: "a command without user_id or team_id" };
  if (body.text !== undefined && typeof body.text !== "string") return { kind: "malformed", reason: "a command whose text is not text" };
  return { kind: "handled", what: "command" };
}

function blockActions(body: Record<string, unknown>): Classified {
  const actions = body.actions;
  if (!Array.isArray(actions) || actions.length === 0) return { kind: "malformed", reason: "block_actions without actions" };
  const first: unknown = actions[0];
  if (!isObject(first) || !nonEmpty(first.action_id)) return { kind: "malformed", reason: "block_actions whose action has no action_id" };
  // Bolt routes on the first action only, as Slack sends one per click.
  if (!ACTION_ID_PATTERN.test(first.action_id)) return { kind: "ignored", what: `block_actions ${first.action_id}` };
  if (!isObject(body.user) || !nonEmpty(body.user.id)) return { kind: "malformed", reason: "block_actions without a user" };
  for (const key of ["value", "block_id"] as const) {
    if (first[key] !== undefined && typeof first[key] !== "string") return { kind: "malformed", reason: `block_actions whose ${key} is not text` };
  }
  if (first.selected_option !== undefined && first.selected_option !== null && !(isObject(first.selected_option) && typeof first.selected_option.value === "string")) {
    return { kind: "malformed", reason: "block_actions whose selected option has no value" };
  }
  return { kind: "handled", what: `block_actions ${first.action_id}` };
}

function viewSubmission(body: Record<string, unknown>): Classified {
  const view = body.view;
  if (!isObject(view)) return { kind: "malformed", reason: "view_submission without a view" };
  if (typeof view.callback_id !== "string" || !HANDLED_VIEWS.has(view.callback_id)) return { kind: "ignored", what: `view_submission ${String(view.callback_id)}` };
  if (!nonEmpty(view.id)) return { kind: "malformed", reason: "view_submission without a view id" };
  if (!isObject(body.user) || !nonEmpty(body.user.id)) return { kind: "malformed", reason: "view_submission without a user" };
  if (view.state !== undefined && !(isObject(view.state) && (view.state.values === undefined || isObject(view.state.values)))) {
    return { kind: "malformed", reason: "view_submission whose state is not an object" };
  }
  if (view.blocks !== undefined && !Array.isArray(view.blocks)) return { kind: "malformed", reason: "view_submission whose blocks are not a list" };
  return { kind: "handled", what: `view_submission ${view.callback_id}` };
}

function eventCallback(body: Record<string, unknown>): Classified {
  const event = body.event;
  if (!isObject(event) || typeof event.type !== "string") return { kind: "malformed", reason: "event_callback without an event type" };
  if (!HANDLED_EVENTS.has(event.type)) return { kind: "ignored", what: `event ${event.type}` };
  if (!nonEmpty(body.event_id) || !nonEmpty(body.team_id)) return { kind: "malformed", reason: "event_callback without event_id or team_id" };
  if (event.type === "app_home_opened" && !nonEmpty(event.user)) return { kind: "malformed", reason: "app_home_opened without a user" };
  if (event.type === "message" && event.text !== undefined && typeof event.text !== "string") return { kind: "malformed", reason: "a message whose text is not text" };
  if (event.type === "message" && event.files !== undefined && !Array.isArray(event.files)) return { kind: "malformed", reason: "a message whose files are not a list" };
  if (event.type === "file_shared" && !(nonEmpty(event.file_id) || (isObject(event.file) && nonEmpty(event.file.id)))) return { kind: "malformed", reason: "file_shared without a file id" };
  return { kind: "handled", what: `event ${event.type}` };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function nonEmpty(value: unknown): value is string {
  return typeof value === "string" && value !== "";
}
