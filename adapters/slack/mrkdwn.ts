/** Slack's text limits and escaping, in one place. */

/** Escapes the three characters mrkdwn treats as markup, so typed text cannot ping @channel or fake a link. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Cuts text to `max` characters (code points, so an emoji or a Chinese character is never split). */
export function clip(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}

/** Slack rejects empty text objects; a dash reads as "nothing here". */
export function nonEmpty(text: string): string {
  return text.trim() === "" ? "—" : text;
}

export function plain(text: string, max: number) {
  return { type: "plain_text" as const, text: clip(nonEmpty(text), max), emoji: true };
}

export function mrkdwn(text: string, max: number) {
  return { type: "mrkdwn" as const, text: clip(nonEmpty(text), max) };
}

/** "…+3": what was left out, in no particular language (the reply's own language is unknown here). */
export function moreNote(n: number): string {
  return `… +${n}`;
}

export const LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  headerText: 150,
  sectionText: 3000,
  fieldText: 2000,
  fieldsPerSection: 10,
  contextText: 2000,
  actionsPerBlock: 25,
  buttonText: 75,
  buttonValue: 2000,
  optionText: 75,
  optionValue: 150,
  optionsPerSelect: 100,
  placeholder: 150,
  modalTitle: 24,
  modalButton: 24,
  inputLabel: 2000,
  fallbackText: 3000,
} as const;
