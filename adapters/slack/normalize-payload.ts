/**
 * Fills in what a real payload of a handled kind may leave out, so the listeners can read it
 * plainly: a `block_actions` from a modal or an old client carries no `container`; a
 * `view_submission` of a modal without inputs carries no `state.values`, and Slack's own
 * examples leave out `title` and `blocks`. Mutates and returns the body (Bolt is handed it next).
 */
export function normalizeSlackBody(body: Record<string, unknown>, fallbackTitle = "Prospect CRM"): Record<string, unknown> {
  if (body.type === "block_actions" && (body.container === null || typeof body.container !== "object")) body.container = {};
  if (body.type === "view_submission" && body.view && typeof body.view === "object") {
    const view = body.view as Record<string, unknown>;
    const title = view.title as { text?: unknown } | undefined;
    if (!title || typeof title !== "object" || typeof title.text !== "string" || title.text === "") view.title = { type: "plain_text", text: fallbackTitle };
    if (!Array.isArray(view.blocks)) view.blocks = [];
    const state = view.state as { values?: unknown } | undefined;
    if (!state || typeof state !== "object") view.state = { values: {} };
    else if (!state.values || typeof state.values !== "object") state.values = {};
    if (typeof view.private_metadata !== "string") view.private_metadata = "";
  }
  return body;
}
