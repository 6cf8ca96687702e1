import type { types } from "@slack/bolt";
import type { Form } from "../../src/reply.ts";
import { encodeMeta, type ModalMeta, type PromptButton } from "./payload-codec.ts";
import { clip, escapeMrkdwn, LIMITS, mrkdwn, plain } from "./mrkdwn.ts";
import type { SlackStrings } from "./strings.ts";

export const PROMPT_CALLBACK = "crm_prompt";
export const FORM_CALLBACK = "crm_form";
export const LOADING_CALLBACK = "crm_loading";
export const NOTE_BLOCK = "note";
export const FORCE_BLOCK = "force";
/** Every input's element has this action id; the block id says which field it is. */
export const INPUT_ACTION = "v";
const FIELD_PREFIX = "f:";

type Modal = types.ModalView;
type AnyBlock = types.KnownBlock | types.Block;

/** One text box for a button that needs a few words (the call note, the reason it was lost). */
export function promptModal(prompt: PromptButton, meta: ModalMeta, s: SlackStrings): Modal {
  return {
    type: "modal",
    callback_id: PROMPT_CALLBACK,
    private_metadata: encodeMeta(meta),
    title: plain(prompt.label, LIMITS.modalTitle),
    submit: plain(s.submit, LIMITS.modalButton),
    close: plain(s.cancel, LIMITS.modalButton),
    blocks: [
      {
        type: "input",
        block_id: NOTE_BLOCK,
        label: plain(prompt.prompt || s.note, LIMITS.inputLabel),
        element: { type: "plain_text_input", action_id: INPUT_ACTION, multiline: true, max_length: 3000 },
      },
    ],
  };
}

/** A core form (the filing fields of `add`) with one input per field; required ones cannot be left empty. */
export function formModal(form: Form, meta: ModalMeta, s: SlackStrings): Modal {
  return {
    type: "modal",
    callback_id: FORM_CALLBACK,
    private_metadata: encodeMeta(meta),
    title: plain(form.title, LIMITS.modalTitle),
    submit: plain(form.submitLabel || s.submit, LIMITS.modalButton),
    close: plain(s.cancel, LIMITS.modalButton),
    blocks: form.inputs.slice(0, LIMITS.viewBlocks - 2).map((input) => ({
      type: "input",
      block_id: `${FIELD_PREFIX}${input.key}`,
      optional: !input.required,
      label: plain(input.label, LIMITS.inputLabel),
      element: {
        type: "plain_text_input",
        action_id: INPUT_ACTION,
        multiline: input.multiline === true,
        ...(input.placeholder ? { placeholder: plain(input.placeholder, LIMITS.placeholder) } : {}),
      },
    })),
  };
}

type StateValues = Record<string, Record<string, { value?: string | null; selected_options?: unknown[] | null }>>;

/** The submitted answers by field key, and whether "create anyway" was ticked. */
export function readForm(values: StateValues): { fields: Record<string, string>; force: boolean } {
  const fields: Record<string, string> = {};
  for (const [blockId, actions] of Object.entries(values)) {
    const value = actions[INPUT_ACTION]?.value;
    if (blockId.startsWith(FIELD_PREFIX) && typeof value === "string") fields[blockId.slice(FIELD_PREFIX.length)] = value;
  }
  const force = (values[FORCE_BLOCK]?.[INPUT_ACTION]?.selected_options?.length ?? 0) > 0;
  return { fields, force };
}

export function readNote(values: StateValues): string {
  return values[NOTE_BLOCK]?.[INPUT_ACTION]?.value ?? "";
}

/**
 * The core's per-field errors keyed by the modal's block ids (Slack shows each under its
 * input). Errors for fields the modal has no input for are folded into the first one shown.
 */
export function fieldErrorsFor(fieldErrors: Record<string, string>, blocks: AnyBlock[]): Record<string, string> {
  const ids = new Set(blocks.map((b) => b.block_id));
  const errors: Record<string, string> = {};
  const stray: string[] = [];
  for (const [key, message] of Object.entries(fieldErrors)) {
    const blockId = `${FIELD_PREFIX}${key}`;
    if (ids.has(blockId)) errors[blockId] = message;
    else stray.push(message);
  }
  const first = Object.keys(errors)[0];
  if (first && stray.length > 0) errors[first] = [errors[first], ...stray].join(" ");
  for (const id of Object.keys(errors)) errors[id] = clip(errors[id]!, 2000);
  return errors;
}

interface SubmittedView {
  callback_id: string;
  private_metadata: string;
  title: types.PlainTextElement | { type: string; text: string };
  submit?: { type: string; text: string } | null;
  close?: { type: string; text: string } | null;
  blocks: AnyBlock[];
}

/**
 * The submitted form again, with what was typed kept, a message on top (a refusal that is not
 * about one field, such as a duplicate) and, when asked, a "create anyway" tick box.
 */
export function reviseForm(view: SubmittedView, answers: Record<string, string>, notice: string, offerForce: boolean, s: SlackStrings): Modal {
  const inputs = view.blocks
    .filter((b) => b.block_id !== "notice" && b.block_id !== FORCE_BLOCK)
    .map((b) => {
      if (b.type !== "input" || !b.block_id?.startsWith(FIELD_PREFIX)) return b;
      const input = b as types.InputBlock;
      const { initial_value: _old, ...element } = input.element as types.PlainTextInput;
      const typed = answers[b.block_id.slice(FIELD_PREFIX.length)];
      return { ...input, element: { ...element, ...(typed ? { initial_value: typed } : {}) } } as types.InputBlock;
    });
  const blocks: AnyBlock[] = [{ type: "section", block_id: "notice", text: mrkdwn(`:warning: ${escapeMrkdwn(notice)}`, LIMITS.sectionText) }, ...inputs];
  if (offerForce) {
    blocks.push({
      type: "input",
      block_id: FORCE_BLOCK,
      optional: true,
      label: plain(s.duplicate, LIMITS.inputLabel),
      element: { type: "checkboxes", action_id: INPUT_ACTION, options: [{ text: plain(s.createAnyway, LIMITS.optionText), value: "yes" }] },
    });
  }
  return { ...modalChrome(view, s), blocks: blocks as types.KnownBlock[] };
}

/** Shown while a slow submission finishes (Slack wants an answer within 3 seconds). */
export function workingModal(view: SubmittedView, s: SlackStrings): Modal {
  return {
    type: "modal",
    callback_id: "crm_working",
    private_metadata: view.private_metadata,
    title: plain(view.title.text, LIMITS.modalTitle),
    close: plain(s.close, LIMITS.modalButton),
    blocks: [{ type: "section", text: mrkdwn(`:hourglass_flowing_sand: ${s.working}`, LIMITS.sectionText) }],
  };
}

/** The outcome of a slow submission, once it is known. */
export function doneModal(view: SubmittedView, text: string, s: SlackStrings): Modal {
  return noticeModal(view.title.text, text, true, s);
}

/** A modal that only says something: an outcome, or why the form a button asked for is not coming. */
export function noticeModal(title: string, text: string, ok: boolean, s: SlackStrings): Modal {
  return {
    type: "modal",
    callback_id: "crm_done",
    title: plain(title, LIMITS.modalTitle),
    close: plain(s.close, LIMITS.modalButton),
    blocks: [{ type: "section", text: mrkdwn(`${ok ? ":white_check_mark:" : ":warning:"} ${escapeMrkdwn(text)}`, LIMITS.sectionText) }],
  };
}

/**
 * Opened the moment a form button is clicked, while the trigger (3 seconds) is fresh; the form
 * replaces it (views.update) once the core has said what it is.
 */
export function loadingModal(title: string, s: SlackStrings): Modal {
  return {
    type: "modal",
    callback_id: LOADING_CALLBACK,
    title: plain(title, LIMITS.modalTitle),
    close: plain(s.cancel, LIMITS.modalButton),
    blocks: [{ type: "section", text: mrkdwn(`:hourglass_flowing_sand: ${s.working}`, LIMITS.sectionText) }],
  };
}

function modalChrome(view: SubmittedView, s: SlackStrings) {
  return {
    type: "modal" as const,
    callback_id: view.callback_id,
    private_metadata: view.private_metadata,
    title: plain(view.title.text, LIMITS.modalTitle),
    submit: plain(view.submit?.text ?? s.submit, LIMITS.modalButton),
    close: plain(view.close?.text ?? s.cancel, LIMITS.modalButton),
  };
}
