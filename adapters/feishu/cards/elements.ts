/**
 * Feishu card JSON 2.0 building blocks. Cards are plain JSON; these helpers keep the shapes in
 * one place (https://open.feishu.cn/document/feishu-cards/card-json-v2-structure).
 */
export type CardElement = Record<string, unknown>;

export interface FeishuCard {
  schema: "2.0";
  config: Record<string, unknown>;
  header?: Record<string, unknown>;
  body: { elements: CardElement[] };
}

export type HeaderTemplate = "blue" | "wathet" | "green" | "orange" | "red" | "grey";

// Markdown's special characters, written as HTML entities as the card docs ask, so a company
// called "*Star* Trading" or a note with "<b>" shows as typed.
const MARKDOWN_SPECIAL = /[\\`*_~[\]()#<>&$|!+\-"']/g;

export function escapeMarkdown(text: string): string {
  return text.replace(MARKDOWN_SPECIAL, (ch) => `&#${ch.charCodeAt(0)};`);
}

export function plain(content: string): { tag: "plain_text"; content: string } {
  return { tag: "plain_text", content };
}

export function markdown(content: string, extra: Record<string, unknown> = {}): CardElement {
  return { tag: "markdown", content, ...extra };
}

export function grey(escaped: string): string {
  return `<font color='grey'>${escaped}</font>`;
}

export function red(escaped: string): string {
  return `<font color='red'>${escaped}</font>`;
}

export function hr(): CardElement {
  return { tag: "hr" };
}

export type ButtonStyle = "primary" | "danger" | undefined;

export function button(label: string, value: object, style: ButtonStyle, extra: Record<string, unknown> = {}): CardElement {
  return {
    tag: "button",
    text: plain(label),
    type: style ?? "default",
    behaviors: [{ type: "callback", value }],
    ...extra,
  };
}

export function selectStatic(placeholder: string, options: { label: string; value: string }[], value: object): CardElement {
  return {
    tag: "select_static",
    placeholder: plain(placeholder),
    options: options.map((o) => ({ text: plain(o.label), value: o.value })),
    behaviors: [{ type: "callback", value }],
  };
}

/** A row of buttons and menus that wraps on narrow screens (JSON 2.0 has no `action` block). */
export function row(elements: CardElement[]): CardElement {
  return {
    tag: "column_set",
    flex_mode: "flow",
    horizontal_spacing: "8px",
    columns: elements.map((element) => ({ tag: "column", width: "auto", elements: [element] })),
  };
}

export interface InputSpec {
  name: string;
  label?: string;
  placeholder?: string;
  required: boolean;
  multiline?: boolean;
  defaultValue?: string;
}

export function input(spec: InputSpec): CardElement {
  return {
    tag: "input",
    name: spec.name,
    required: spec.required,
    width: "fill",
    max_length: 1000,
    ...(spec.label ? { label: plain(spec.label), label_position: "top" } : {}),
    // The placeholder is capped at 100 characters by Feishu.
    ...(spec.placeholder ? { placeholder: plain(spec.placeholder.slice(0, 100)) } : {}),
    ...(spec.multiline ? { input_type: "multiline_text", rows: 2, auto_resize: true, max_rows: 6 } : {}),
    ...(spec.defaultValue ? { default_value: spec.defaultValue } : {}),
  };
}

/** A form container: its submit buttons send every input's value at once (`form_value`). */
export function form(name: string, elements: CardElement[]): CardElement {
  return { tag: "form", name, elements };
}

export function card(header: FeishuCard["header"] | undefined, elements: CardElement[], summary: string): FeishuCard {
  return {
    schema: "2.0",
    // JSON 2.0 cards must be shared cards; the summary is what the chat list shows.
    config: { update_multi: true, width_mode: "fill", summary: { content: summary.slice(0, 100) } },
    ...(header ? { header } : {}),
    body: { elements },
  };
}

export function header(title: string, subtitle: string | undefined, template: HeaderTemplate): NonNullable<FeishuCard["header"]> {
  return { title: plain(title), ...(subtitle ? { subtitle: plain(subtitle) } : {}), template };
}

export function byteSize(card: FeishuCard): number {
  return Buffer.byteLength(JSON.stringify(card), "utf8");
}
