import { z } from "zod";
import { composeCommand, quoteValue } from "../../../src/commands/compose.ts";

/**
 * What a card component carries back in `behaviors[].value`: always a core command line (or
 * how to build one), so a click runs through the same parser and permission checks as typing.
 * `v` is the read-only command that produced a list card, re-run to refresh the list after a
 * button on one of its items changed something.
 *
 * Where the card was sent, which the callback cannot tell (it names the chat, not its kind):
 * `p` — to one person (a direct chat, a DM), so the answer may replace the card; without it the
 * card may sit in a group, where a replaced card is seen by everyone, so the answer goes to the
 * person who clicked, privately. `j` — a scheduled job's message (the morning list, the weekly
 * summary), which a click never replaces. Both are set by the adapter when it renders the card.
 */
const text = z.string().min(1).max(2000);
const placement = { p: z.literal(1).optional(), j: z.literal(1).optional() };
export const actionValueSchema = z.discriminatedUnion("k", [
  z.object({ k: z.literal("run"), c: text, v: text.optional(), ...placement }),
  z.object({ k: z.literal("choose"), v: text.optional(), ...placement }),
  z.object({ k: z.literal("prompt"), c: text, i: z.string().min(1).max(40), v: text.optional(), ...placement }),
  z.object({ k: z.literal("form"), c: text, f: z.literal(1).optional(), ...placement }),
]);
export type ActionValue = z.infer<typeof actionValueSchema>;

/** The placement marks a rendered card's components carry (see above). */
export type Placement = Pick<ActionValue, "p" | "j">;

/** The parts of a `card.action.trigger` action that can carry input. */
export interface TriggeredAction {
  value?: unknown;
  option?: unknown;
  form_value?: unknown;
  input_value?: unknown;
}

export type ActionCommand =
  | { kind: "command"; line: string; value: ActionValue; formValues?: Record<string, string> }
  | { kind: "empty"; value: ActionValue }
  | { kind: "invalid" };

/** Turns a click, a menu choice or a submitted form into the command line it stands for. */
export function commandForAction(action: TriggeredAction): ActionCommand {
  const parsed = actionValueSchema.safeParse(action.value);
  if (!parsed.success) return { kind: "invalid" };
  const value = parsed.data;
  switch (value.k) {
    case "run":
      return { kind: "command", line: value.c, value };
    case "choose":
      return typeof action.option === "string" && action.option.trim() !== ""
        ? { kind: "command", line: action.option, value }
        : { kind: "invalid" };
    case "prompt": {
      const answer = stringValues(action.form_value)[value.i] ?? (typeof action.input_value === "string" ? action.input_value : "");
      if (answer.trim() === "") return { kind: "empty", value };
      // Quoted, so the note reaches the core exactly as typed (quotes, `=` and line breaks included).
      return { kind: "command", line: `${value.c} ${quoteValue(answer.trim())}`, value };
    }
    case "form": {
      const formValues = stringValues(action.form_value);
      const line = composeCommand(value.c, { ...formValues, ...(value.f ? { force: "yes" } : {}) });
      return { kind: "command", line, value, formValues };
    }
  }
}

function stringValues(raw: unknown): Record<string, string> {
  if (!raw || typeof raw !== "object") return {};
  const out: Record<string, string> = {};
  for (const [key, v] of Object.entries(raw)) if (typeof v === "string") out[key] = v;
  return out;
}
