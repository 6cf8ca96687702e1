import type { Card, CardAction, Reply } from "../../src/reply.ts";

/**
 * A reply as plain text for a terminal. Buttons become the command they would run, so the
 * person can type it.
 */
export function renderText(reply: Reply): string {
  const parts = [reply.text];
  for (const card of reply.cards) parts.push(renderCard(card));
  return parts.filter((p) => p.trim() !== "").join("\n\n");
}

function renderCard(card: Card): string {
  const lines = [`┌ ${card.title}`];
  if (card.subtitle) lines.push(`│ ${card.subtitle}`);
  for (const field of card.fields) lines.push(`│ ${field.label}: ${field.value}`);
  for (const section of card.sections) {
    if (section.title) lines.push(`│ ${section.title}:`);
    for (const item of section.items) lines.push(`│   ${item.replace(/\n/g, "\n│   ")}`);
  }
  const actions = card.actions.flatMap(renderAction);
  if (actions.length > 0) lines.push(`│ ${actions.join("   ")}`);
  if (card.footer) lines.push(`│ ${card.footer}`);
  lines.push("└");
  return lines.join("\n");
}

/** The console is one workspace: `#12@local` reads (and can be typed) as `#12`. */
const local = (command: string) => command.replace(/(#\d+)@\S+/g, "$1");

function renderAction(action: CardAction): string[] {
  switch (action.kind) {
    case "run":
      return [`[${action.label}: ${local(action.command)}]`];
    case "prompt":
      return [`[${action.label}: ${local(action.command)} …]`];
    case "choose":
      return [`[${action.label}: ${action.options.map((o) => o.command.split(" ").pop()).join("|")}]`];
    case "form":
      return [`${action.form.command} ${action.form.inputs.map((i) => `${i.key}=…`).join(" ")}`];
  }
}
