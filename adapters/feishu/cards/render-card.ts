import type { Locale } from "../../../src/domain/localized.ts";
import type { Card, CardAction, Reply } from "../../../src/reply.ts";
import { textsFor } from "../i18n.ts";
import type { ActionValue, Placement } from "./action-value.ts";
import {
  button, byteSize, card, escapeMarkdown, grey, header, hr, markdown, row, selectStatic,
  type CardElement, type FeishuCard,
} from "./elements.ts";
import { renderForm, renderPrompts, type FormState, type Names } from "./render-forms.ts";

export interface RenderOptions {
  locale: Locale;
  /** The read-only command that produced a list; its buttons carry it so a click refreshes the list. */
  view?: string;
  /** A refused form submission shown again: the values typed, what is wrong, "create anyway". */
  form?: FormState;
  /**
   * The card goes to one person (their direct chat with the bot, a DM): a click may replace it.
   * Unset, it may be seen in a group, and a click answers privately instead.
   */
  privateChat?: boolean;
  /** A scheduled job's message: a click never replaces it (it holds more than one answer). */
  job?: boolean;
}

// Feishu refuses cards over 30 KB and 200 components; stay clear of both.
const MAX_BYTES = 28_000;
const MAX_COMPONENTS = 190;
const MAX_VIEW = 200;

interface Limits {
  cards: number;
  items: number;
  chars: number;
}

/**
 * A core reply as one Feishu card (JSON 2.0): the title in the header (red for errors), fields
 * and sections as markdown, buttons and menus that call back with a command line, prompts and
 * the `add` form as form containers. Long lists are cut with "…and N more" to fit Feishu's limits.
 */
export function renderReply(reply: Reply, options: RenderOptions): FeishuCard {
  const attempts: Limits[] = [];
  for (let cards = reply.cards.length; cards >= 1; cards--) attempts.push({ cards, items: 30, chars: 3000 });
  attempts.push({ cards: 1, items: 10, chars: 1000 }, { cards: 1, items: 3, chars: 300 });
  let rendered = build(reply, options, attempts[0]!);
  for (const limits of attempts.slice(1)) {
    if (byteSize(rendered) <= MAX_BYTES && countComponents(rendered) <= MAX_COMPONENTS) break;
    rendered = build(reply, options, limits);
  }
  return rendered;
}

function build(reply: Reply, options: RenderOptions, limits: Limits): FeishuCard {
  const t = textsFor(options.locale);
  const names: Names = { next: 0 };
  const text = cut(reply.text.trim(), limits.chars);
  const summary = firstLine(text) || reply.cards[0]?.title || "";
  if (!reply.ok) {
    const elements = text ? [markdown(escapeMarkdown(text))] : [];
    return card(header(t.errorTitle, undefined, "red"), elements, summary);
  }
  const [only] = reply.cards;
  if (!only) return card(undefined, text ? [markdown(escapeMarkdown(text))] : [], summary);
  const view = options.view && reply.cards.length > 1 && options.view.length <= MAX_VIEW ? options.view : undefined;
  if (reply.cards.length === 1) {
    const intro = text && text !== only.title ? [markdown(escapeMarkdown(text))] : [];
    const body = [...intro, ...cardBody(only, { ...options, view }, limits, names)];
    return card(header(only.title, only.subtitle, "blue"), body, summary);
  }
  const shown = reply.cards.slice(0, limits.cards);
  const elements: CardElement[] = [];
  shown.forEach((c, i) => {
    if (i > 0) elements.push(hr());
    const subtitle = c.subtitle ? `  ${grey(escapeMarkdown(c.subtitle))}` : "";
    elements.push(markdown(`**${escapeMarkdown(c.title)}**${subtitle}`));
    elements.push(...cardBody(c, { ...options, view }, limits, names));
  });
  if (reply.cards.length > shown.length) elements.push(markdown(grey(escapeMarkdown(t.more(reply.cards.length - shown.length)))));
  const [title = "", ...rest] = text.split("\n");
  return card(header(title || (only.title ?? ""), rest.join(" · ") || undefined, "blue"), elements, summary);
}

function cardBody(c: Card, options: RenderOptions, limits: Limits, names: Names): CardElement[] {
  const t = textsFor(options.locale);
  const elements: CardElement[] = [];
  if (c.fields.length > 0) {
    // A Chinese label takes the full-width colon.
    const colon = options.locale === "en" ? ": " : "：";
    const lines = c.fields.map((f) => `**${escapeMarkdown(f.label)}**${colon}${escapeMarkdown(cut(f.value, limits.chars))}`);
    elements.push(markdown(lines.join("\n")));
  }
  for (const section of c.sections) {
    const items = section.items.slice(0, limits.items).map((item) => `• ${escapeMarkdown(cut(item, limits.chars)).replace(/\n/g, "\n  ")}`);
    if (section.items.length > limits.items) items.push(grey(escapeMarkdown(t.more(section.items.length - limits.items))));
    const title = section.title ? [`**${escapeMarkdown(section.title)}**`] : [];
    if (items.length + title.length > 0) elements.push(markdown([...title, ...items].join("\n")));
  }
  if (c.footer) elements.push(markdown(grey(escapeMarkdown(cut(c.footer, limits.chars)))));
  elements.push(...renderActions(c.actions, options, names));
  return elements;
}

/**
 * Buttons and menus in a row (in the order the core gave them); prompts that ask the same
 * question share one form with one input and a button each (call, SMS, visit…); the `add` form
 * as a form of its own.
 */
type Segment =
  | { kind: "row"; items: CardElement[] }
  | { kind: "prompts"; prompt: string; actions: Extract<CardAction, { kind: "prompt" }>[] }
  | { kind: "form"; action: Extract<CardAction, { kind: "form" }> };

function renderActions(actions: CardAction[], options: RenderOptions, names: Names): CardElement[] {
  const segments: Segment[] = [];
  const marks = placementOf(options);
  const carried = { ...(options.view ? { v: options.view } : {}), ...marks };
  for (const action of actions) {
    // Feishu refuses a card holding a menu without options.
    if (action.kind === "choose" && action.options.length === 0) continue;
    const last = segments[segments.length - 1];
    if (action.kind === "run" || action.kind === "choose") {
      const element = action.kind === "run"
        ? button(action.label, { k: "run", c: action.command, ...carried } satisfies ActionValue, action.style)
        : selectStatic(action.label, action.options.map((o) => ({ label: o.label, value: o.command })), { k: "choose", ...carried } satisfies ActionValue);
      if (last?.kind === "row") last.items.push(element);
      else segments.push({ kind: "row", items: [element] });
    } else if (action.kind === "prompt") {
      const group = segments.find((s): s is Extract<Segment, { kind: "prompts" }> => s.kind === "prompts" && s.prompt === action.prompt);
      if (group) group.actions.push(action);
      else segments.push({ kind: "prompts", prompt: action.prompt, actions: [action] });
    } else segments.push({ kind: "form", action });
  }
  return segments.map((s) => {
    if (s.kind === "row") return row(s.items);
    if (s.kind === "prompts") return renderPrompts(s.prompt, s.actions, options.view, marks, names);
    return renderForm(s.action.form, options.form, options.locale, marks, names);
  });
}

function placementOf(options: RenderOptions): Placement {
  return { ...(options.privateChat ? { p: 1 as const } : {}), ...(options.job ? { j: 1 as const } : {}) };
}

export function countComponents(node: unknown): number {
  if (Array.isArray(node)) return node.reduce((n: number, child) => n + countComponents(child), 0);
  if (!node || typeof node !== "object") return 0;
  const own = "tag" in node ? 1 : 0;
  return own + Object.values(node).reduce((n: number, child) => n + countComponents(child), 0);
}

function firstLine(text: string): string {
  return text.split("\n")[0] ?? "";
}

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
