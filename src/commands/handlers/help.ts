import { findSubcommand, SUBCOMMAND_NAMES, SUBCOMMANDS } from "../subcommands.ts";
import { fail } from "../../errors.ts";
import { card, cardReply } from "../../reply.ts";
import type { CommandHandler } from "../context.ts";

/** The title is the card's alone: a reply shows one title, whatever the messenger. */
export const help: CommandHandler = async (command, ctx) => {
  const { m } = ctx.caller;
  const prefix = m.help.command();
  const word = command.words[0]?.value;
  if (word) {
    const name = findSubcommand(word);
    if (!name) fail("unknown_subcommand", (m) => m.errors.unknownSubcommand(word));
    const aliases = [name, ...SUBCOMMANDS[name]].join(" / ");
    const topic = m.help.topics[name];
    return cardReply("", [
      card(`${prefix} ${topic.usage}`, { subtitle: aliases, sections: [{ title: "", items: [topic.summary, ...topic.details] }] }),
    ]);
  }
  const items = SUBCOMMAND_NAMES.map((n) => `${prefix} ${m.help.topics[n].usage} — ${m.help.topics[n].summary}`);
  return cardReply("", [card(m.help.title(), { sections: [{ title: "", items }], footer: m.help.footer() })]);
};
