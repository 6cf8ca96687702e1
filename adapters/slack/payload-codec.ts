import { z } from "zod";

/**
 * What the adapter stores inside Slack payloads and reads back: action ids, block ids, a
 * prompt button's value and a modal's private_metadata. Everything read back goes through a
 * schema: a payload from an older version of the adapter is refused, not trusted.
 */

export type ActionKind = "run" | "prompt" | "choose" | "form";
export const ACTION_ID_PATTERN = /^crm_(run|prompt|choose|form)_\d+$/;

export function actionId(kind: ActionKind, index: number): string {
  return `crm_${kind}_${index}`;
}

export function actionKindOf(id: string): ActionKind | undefined {
  return ACTION_ID_PATTERN.exec(id)?.[1] as ActionKind | undefined;
}

/** Every block of card `i` carries the block id prefix `c<i>:`, so one card can be replaced alone. */
export function cardBlockId(card: number, part: string): string {
  return `c${card}:${part}`;
}

export function cardIndexOf(blockId: string | undefined): number | undefined {
  const match = /^c(\d+):/.exec(blockId ?? "");
  return match ? Number(match[1]) : undefined;
}

const promptSchema = z.object({ c: z.string().min(1), p: z.string(), l: z.string() });
export interface PromptButton {
  command: string;
  prompt: string;
  label: string;
}

export function encodePrompt(prompt: PromptButton): string {
  return JSON.stringify({ c: prompt.command, p: prompt.prompt, l: prompt.label });
}

export function decodePrompt(value: string | undefined): PromptButton | undefined {
  const parsed = promptSchema.safeParse(safeJson(value));
  return parsed.success ? { command: parsed.data.c, prompt: parsed.data.p, label: parsed.data.l } : undefined;
}

/** Where a modal's answer goes: the message it came from (by response_url), or the App Home. */
export type ModalOrigin =
  | { kind: "message"; responseUrl?: string; channelId?: string; card?: number; stash?: string }
  | { kind: "home" };

export interface ModalMeta {
  command: string;
  origin: ModalOrigin;
}

const metaSchema = z.object({
  v: z.literal(1),
  cmd: z.string().min(1),
  to: z.discriminatedUnion("k", [
    z.object({ k: z.literal("m"), u: z.string().optional(), ch: z.string().optional(), i: z.number().int().optional(), s: z.string().optional() }),
    z.object({ k: z.literal("h") }),
  ]),
});

/** private_metadata holds at most 3000 characters; a command and a response_url take a few hundred. */
export function encodeMeta(meta: ModalMeta): string {
  const { origin } = meta;
  const to =
    origin.kind === "home"
      ? { k: "h" }
      : { k: "m", u: origin.responseUrl, ch: origin.channelId, i: origin.card, s: origin.stash };
  return JSON.stringify({ v: 1, cmd: meta.command, to });
}

export function decodeMeta(text: string | undefined): ModalMeta | undefined {
  const parsed = metaSchema.safeParse(safeJson(text));
  if (!parsed.success) return undefined;
  const { cmd, to } = parsed.data;
  if (to.k === "h") return { command: cmd, origin: { kind: "home" } };
  const origin: ModalOrigin = { kind: "message" };
  if (to.u) origin.responseUrl = to.u;
  if (to.ch) origin.channelId = to.ch;
  if (to.i !== undefined) origin.card = to.i;
  if (to.s) origin.stash = to.s;
  return { command: cmd, origin };
}

function safeJson(text: string | undefined): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
