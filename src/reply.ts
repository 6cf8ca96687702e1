import type { Locale } from "./domain/localized.ts";

/**
 * What a command answers, independent of any messenger. Each adapter renders it: the console
 * as text, Slack as Block Kit, Feishu as a card. Buttons carry a core command line, so pressing
 * one runs through the same parser, validation and permission checks as typing it.
 */
export interface Reply {
  ok: boolean;
  /** The reader's language, for what an adapter adds itself; set on messages the jobs send. */
  locale?: Locale;
  /**
   * Only the person who asked should see it. Every command reply is: a card typed in a team
   * channel must not show one rep's customers to the others.
   */
  ephemeral: boolean;
  text: string;
  cards: Card[];
  /**
   * Files for the person: an export (CSV/XLSX), a report's charts (PNG). Slack and Feishu send
   * them privately, the console writes them under DATA_DIR (exports/ or reports/).
   */
  files?: ReplyFile[];
  /** The command the reply's confirm button runs (an import's dry run); `yes` runs it too. */
  confirm?: string;
}

/** A file the person sent with the command (an import), as the adapter downloaded it. */
export interface InputFile {
  name: string;
  bytes: Uint8Array;
  /** The size the platform announced, when the adapter did not download a file that is too big. */
  size?: number;
}

/** A file the reply carries. */
export interface ReplyFile {
  /** A file name with its extension, e.g. `funnel.png`, `customers.xlsx`. */
  name: string;
  mimeType: string;
  data: Buffer;
}

export type OutputFile = ReplyFile;

export interface Card {
  title: string;
  subtitle?: string;
  fields: CardField[];
  sections: CardSection[];
  actions: CardAction[];
  footer?: string;
}

export interface CardField {
  label: string;
  value: string;
}

export interface CardSection {
  title: string;
  items: string[];
}

export type CardAction =
  /** Runs `command` as is. */
  | { kind: "run"; label: string; command: string; style?: "primary" | "danger" }
  /** Asks the person for one line of text, then runs `command + " " + text`. */
  | { kind: "prompt"; label: string; command: string; prompt: string; style?: "primary" | "danger" }
  /** Offers a choice; each option is its own command. */
  | { kind: "choose"; label: string; options: { label: string; command: string }[] }
  /** Opens a form whose answers become `key=value` pairs after `command`. */
  | { kind: "form"; label: string; form: Form };

export interface Form {
  title: string;
  command: string;
  submitLabel: string;
  inputs: FormInput[];
}

export interface FormInput {
  key: string;
  label: string;
  required: boolean;
  multiline?: boolean;
  placeholder?: string;
}

export function textReply(text: string, ok = true): Reply {
  return { ok, ephemeral: true, text, cards: [] };
}

export function cardReply(text: string, cards: Card[]): Reply {
  return { ok: true, ephemeral: true, text, cards };
}

export function card(title: string, parts: Partial<Omit<Card, "title">> = {}): Card {
  return { title, fields: [], sections: [], actions: [], ...parts };
}
