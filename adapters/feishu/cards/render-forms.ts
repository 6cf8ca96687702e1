import type { Locale } from "../../../src/domain/localized.ts";
import type { CardAction, Form } from "../../../src/reply.ts";
import { textsFor } from "../i18n.ts";
import type { ActionValue, Placement } from "./action-value.ts";
import { button, escapeMarkdown, form, input, markdown, red, row, type CardElement } from "./elements.ts";

/** Component names must be unique in a card; one counter per rendered card. */
export interface Names {
  next: number;
}

/** A refused form submission, shown again with what was typed. */
export interface FormState {
  values: Record<string, string>;
  /** The core's per-field problems, keyed like the inputs (`mobile`, `company`…). */
  fieldErrors: Record<string, string>;
  /** The refusal as the core worded it. */
  error: string;
  /** The refusal was a duplicate: offer to submit again with `force=yes`. */
  offerForce: boolean;
}

/** Prompts asking the same question: one input, one submit button per command. */
export function renderPrompts(prompt: string, actions: Extract<CardAction, { kind: "prompt" }>[], view: string | undefined, marks: Placement, names: Names): CardElement {
  const id = names.next++;
  const inputName = `note_${id}`;
  const buttons = actions.map((action, i) => {
    const value: ActionValue = { k: "prompt", c: action.command, i: inputName, ...(view ? { v: view } : {}), ...marks };
    return button(action.label, value, action.style, { name: `send_${id}_${i}`, form_action_type: "submit" });
  });
  return form(`prompt_${id}`, [input({ name: inputName, placeholder: prompt, required: true, multiline: true }), row(buttons)]);
}

/**
 * The `add` form: one input per field, required ones marked by Feishu itself. Shown again after
 * a refused submission with the values kept, each field's problem above its input, and, for a
 * duplicate, a "create anyway" button that submits the same values with `force=yes`.
 */
export function renderForm(spec: Form, state: FormState | undefined, locale: Locale, marks: Placement, names: Names): CardElement {
  const t = textsFor(locale);
  const id = names.next++;
  const elements: CardElement[] = [];
  if (state) {
    const inputKeys = new Set(spec.inputs.map((i) => i.key));
    const elsewhere = Object.entries(state.fieldErrors).filter(([key]) => !inputKeys.has(key)).map(([, message]) => message);
    const hasFieldErrors = Object.keys(state.fieldErrors).length > 0;
    const summary = hasFieldErrors ? [t.fixErrors, ...elsewhere] : [state.error];
    elements.push(markdown(red(escapeMarkdown(summary.join("\n")))));
  }
  for (const field of spec.inputs) {
    const problem = state?.fieldErrors[field.key];
    if (problem) elements.push(markdown(red(escapeMarkdown(problem))));
    elements.push(input({
      name: field.key,
      label: field.label,
      required: field.required,
      multiline: field.multiline === true,
      ...(field.placeholder ? { placeholder: field.placeholder } : {}),
      ...(state?.values[field.key] ? { defaultValue: state.values[field.key] } : {}),
    }));
  }
  const buttons = [button(spec.submitLabel, { k: "form", c: spec.command, ...marks } satisfies ActionValue, "primary", { name: `submit_${id}`, form_action_type: "submit" })];
  if (state?.offerForce) {
    buttons.push(button(t.createAnyway, { k: "form", c: spec.command, f: 1, ...marks } satisfies ActionValue, "danger", { name: `force_${id}`, form_action_type: "submit" }));
  }
  elements.push(row(buttons));
  return form(`form_${id}`, elements);
}
