import type { types } from "@slack/bolt";
import type { Card, CardField, CardSection, Reply } from "../../src/reply.ts";
import { renderActions } from "./render-actions.ts";
import { cardBlockId } from "./payload-codec.ts";
import { clip, escapeMrkdwn, LIMITS, moreNote, mrkdwn, plain } from "./mrkdwn.ts";

export type Block = types.KnownBlock;

export interface Rendered {
  /** The notification and fallback text. */
  text: string;
  blocks: Block[];
}

export interface RenderOptions {
  /** 50 in a message (the default), 100 in a modal or the App Home. */
  maxBlocks?: number;
  /** The index of the first card, when two replies share one view (block ids must be unique). */
  firstCard?: number;
  introId?: string;
  /** Put before the reply's text, e.g. an emoji. */
  introPrefix?: string;
}

/**
 * A core reply as Block Kit: the reply's text, then each card (header, subtitle, fields,
 * sections, buttons, footer). Slack's limits are kept by cutting and saying how much was cut:
 * whole cards beyond `maxBlocks` (50 in a message, 100 in a modal or the App Home).
 */
export function renderReply(reply: Reply, options: RenderOptions = {}): Rendered {
  const maxBlocks = options.maxBlocks ?? LIMITS.messageBlocks;
  const firstCard = options.firstCard ?? 0;
  const blocks: Block[] = [];
  const intro = reply.text.trim();
  if (intro && intro !== reply.cards[0]?.title) {
    const text = `${options.introPrefix ?? ""}${escapeMrkdwn(intro)}`;
    blocks.push({ type: "section", block_id: options.introId ?? "intro", text: mrkdwn(text, LIMITS.sectionText) });
  }
  for (const [i, card] of reply.cards.entries()) {
    const rendered = renderCard(card, firstCard + i);
    const left = reply.cards.length - i;
    // Keep one block free to say that cards were left out.
    if (blocks.length + rendered.length > maxBlocks - (left > 1 ? 1 : 0)) {
      blocks.push({ type: "context", block_id: `${options.introId ?? "intro"}:more`, elements: [mrkdwn(moreNote(left), LIMITS.contextText)] });
      break;
    }
    blocks.push(...rendered);
  }
  return { text: fallbackText(reply), blocks };
}

export function fallbackText(reply: Reply): string {
  return clip(reply.text.trim() || reply.cards[0]?.title || "—", LIMITS.fallbackText);
}

/** One card's blocks, every block id prefixed `c<index>:` so the card can later be replaced alone. */
export function renderCard(card: Card, index: number): Block[] {
  const id = (part: string) => cardBlockId(index, part);
  const blocks: Block[] = [];
  if (index > 0) blocks.push({ type: "divider", block_id: id("d") });
  blocks.push({ type: "header", block_id: id("h"), text: plain(card.title, LIMITS.headerText) });
  if (card.subtitle) blocks.push({ type: "context", block_id: id("s"), elements: [mrkdwn(escapeMrkdwn(card.subtitle), LIMITS.contextText)] });
  blocks.push(...fieldBlocks(card.fields, id));
  card.sections.slice(0, 10).forEach((section, j) => {
    blocks.push({ type: "section", block_id: id(`x${j}`), text: mrkdwn(sectionText(section), LIMITS.sectionText) });
  });
  const elements = renderActions(card.actions);
  for (let j = 0; j * LIMITS.actionsPerBlock < elements.length && j < 2; j++) {
    const chunk = elements.slice(j * LIMITS.actionsPerBlock, (j + 1) * LIMITS.actionsPerBlock);
    blocks.push({ type: "actions", block_id: id(`a${j}`), elements: chunk });
  }
  if (card.footer) blocks.push({ type: "context", block_id: id("f"), elements: [mrkdwn(escapeMrkdwn(card.footer), LIMITS.contextText)] });
  return blocks;
}

const MAX_FIELD_SECTIONS = 2;

function fieldBlocks(fields: CardField[], id: (part: string) => string): Block[] {
  const shown = LIMITS.fieldsPerSection * MAX_FIELD_SECTIONS;
  const kept = fields.length > shown ? fields.slice(0, shown - 1) : fields;
  const texts = kept.map((f) => mrkdwn(`*${escapeMrkdwn(f.label)}*\n${escapeMrkdwn(f.value)}`, LIMITS.fieldText));
  if (fields.length > kept.length) texts.push(mrkdwn(moreNote(fields.length - kept.length), LIMITS.fieldText));
  const blocks: Block[] = [];
  for (let j = 0; j * LIMITS.fieldsPerSection < texts.length; j++) {
    blocks.push({ type: "section", block_id: id(`fl${j}`), fields: texts.slice(j * LIMITS.fieldsPerSection, (j + 1) * LIMITS.fieldsPerSection) });
  }
  return blocks;
}

/** A titled bullet list that fits one section; items that do not fit are counted, not cut mid-line. */
function sectionText(section: CardSection): string {
  const head = section.title ? `*${escapeMrkdwn(section.title)}*` : "";
  const budget = LIMITS.sectionText - 20;
  const lines = head ? [head] : [];
  let length = head.length;
  let shown = 0;
  for (const item of section.items) {
    const line = `• ${escapeMrkdwn(item)}`;
    if (length + line.length + 1 > budget) break;
    lines.push(line);
    length += line.length + 1;
    shown++;
  }
  if (shown < section.items.length) lines.push(moreNote(section.items.length - shown));
  return lines.join("\n");
}
