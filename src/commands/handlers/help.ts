import { findSubcommand, SUBCOMMAND_NAMES, SUBCOMMANDS, type SubcommandName } from "../subcommands.ts";
import { fail } from "../../errors.ts";
import { isTouchChannel } from "../../domain/channels.ts";
import { card, cardReply } from "../../reply.ts";
import { classLabel, stageName } from "../../customers/playbook-terms.ts";
import type { CommandContext, CommandHandler } from "../context.ts";

/** The title is the card's alone: a reply shows one title, whatever the messenger. */
export const help: CommandHandler = async (command, ctx) => {
  const { m, locale } = ctx.caller;
  const prefix = m.help.command();
  const word = command.words[0]?.value;
  if (word) {
    const name = findSubcommand(word);
    if (!name) fail("unknown_subcommand", (m) => m.errors.unknownSubcommand(word));
    // A Chinese reader sees the words of their language first; the English name is an alias too.
    const aliases = (locale === "en" ? [name, ...SUBCOMMANDS[name]] : [...SUBCOMMANDS[name], name]).join(" / ");
    const topic = m.help.topics[name];
    return cardReply("", [
      card(`${prefix} ${topic.usage}`, { subtitle: aliases, sections: [{ title: "", items: [topic.summary, ...topic.details, ...fromPlaybook(ctx, name)] }] }),
    ]);
  }
  const items = SUBCOMMAND_NAMES.map((n) => m.help.entry(`${prefix} ${m.help.topics[n].usage}`, m.help.topics[n].summary));
  return cardReply("", [card(m.help.title(), { sections: [{ title: "", items }], footer: m.help.footer() })]);
};

/** What depends on the playbook in use: which touches count for others, which stages have prerequisites. */
function fromPlaybook(ctx: CommandContext, name: SubcommandName): string[] {
  const { m, locale } = ctx.caller;
  const { playbook } = ctx;
  if (name === "log") {
    const rules = Object.entries(playbook.countsAs).flatMap(([from, to]) =>
      isTouchChannel(from) && to && to.length > 0 ? [{ from: m.channels[from], to: to.map((c) => m.channels[c]) }] : []);
    return rules.length > 0 ? [m.help.countsAs(rules)] : [];
  }
  if (name === "stage") {
    const lines = playbook.stages.flatMap((stage) => {
      const requires = stage.requires;
      if (!requires) return [];
      const needs = [
        ...(requires.from ? [m.errors.needsFrom(requires.from.map((f) => classLabel(playbook, f.stage, f.grades.length > 0 ? f.grades.join("/") : null, locale)))] : []),
        ...(requires.filingApproved ? [m.errors.needsFilingApproved()] : []),
      ];
      return [m.help.prerequisites(stageName(playbook, stage.id, locale), needs)];
    });
    return lines.length > 0 ? [...lines, m.help.forceNote()] : [];
  }
  return [];
}
