import type { types } from "@slack/bolt";
import type { CardAction } from "../../src/reply.ts";
import { actionId, encodePrompt } from "./payload-codec.ts";
import { LIMITS, plain } from "./mrkdwn.ts";

type Element = types.Button | types.StaticSelect;

/**
 * A card's actions as Block Kit elements. The action id says what kind of action it is; the
 * value carries the core command line, so a click runs exactly what the person could have typed:
 * - run → a button whose value is the command;
 * - prompt → a button that opens a one-field modal (value: command, prompt and label);
 * - choose → a select whose option values are the commands;
 * - form → a button whose value is the form's command: run bare, it answers with its form.
 * An action that cannot fit Slack's limits is left out rather than sent broken.
 */
export function renderActions(actions: CardAction[]): Element[] {
  const elements: Element[] = [];
  actions.forEach((action, n) => {
    const element = renderAction(action, n);
    if (element) elements.push(element);
  });
  return elements.slice(0, LIMITS.actionsPerBlock * 2);
}

function renderAction(action: CardAction, n: number): Element | undefined {
  switch (action.kind) {
    case "run":
      return button(actionId("run", n), action.label, action.command, action.style);
    case "prompt":
      return button(actionId("prompt", n), action.label, encodePrompt(action), action.style);
    case "form":
      return button(actionId("form", n), action.label, action.form.command);
    case "choose": {
      const options = action.options
        .filter((o) => o.command.length <= LIMITS.optionValue)
        .slice(0, LIMITS.optionsPerSelect)
        .map((o) => ({ text: plain(o.label, LIMITS.optionText), value: o.command }));
      if (options.length === 0) return undefined;
      return { type: "static_select", action_id: actionId("choose", n), placeholder: plain(action.label, LIMITS.placeholder), options };
    }
  }
}

function button(id: string, label: string, value: string, style?: "primary" | "danger"): types.Button | undefined {
  if (value.length > LIMITS.buttonValue) return undefined;
  return { type: "button", action_id: id, text: plain(label, LIMITS.buttonText), value, ...(style ? { style } : {}) };
}
