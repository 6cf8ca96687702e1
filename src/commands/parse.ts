import { DomainError } from "../errors.ts";
import { COMMAND_PREFIXES, findSubcommand, type SubcommandName } from "./subcommands.ts";
import { tokenize, UnclosedQuoteError, type Token } from "./tokenize.ts";

export interface ParsedCommand {
  name: SubcommandName;
  /** Positional words after the subcommand. */
  words: Token[];
  /** key=value pairs after the subcommand, keys as typed. */
  pairs: { key: string; value: string }[];
  /** Raw text after the first `n` words following the subcommand (free text such as a note). */
  restAfter(n: number): string;
}

/** Parses `/prospect <subcommand> [args]`; the prefix is optional. An empty line asks for help. */
export function parseCommand(line: string): ParsedCommand {
  let tokens: Token[];
  try {
    tokens = tokenize(line);
  } catch (error) {
    if (error instanceof UnclosedQuoteError) {
      const quote = error.quote;
      throw new DomainError("unclosed_quote", (m) => m.errors.unclosedQuote(quote));
    }
    throw error;
  }
  const first = tokens[0];
  if (first && first.key === undefined && COMMAND_PREFIXES.includes(first.value.replace(/^[/／]/, "").toLowerCase())) {
    tokens = tokens.slice(1);
  }
  const head = tokens[0];
  if (!head) return build("help", [], line);
  const word = head.value.replace(/^[/／]/, "");
  const name = head.key === undefined ? findSubcommand(word) : undefined;
  if (!name) throw new DomainError("unknown_subcommand", (m) => m.errors.unknownSubcommand(word));
  return build(name, tokens.slice(1), line);
}

function build(name: SubcommandName, args: Token[], line: string): ParsedCommand {
  const words = args.filter((t) => t.key === undefined);
  const pairs = args.filter((t) => t.key !== undefined).map((t) => ({ key: t.key!, value: t.value }));
  return {
    name,
    words,
    pairs,
    restAfter(n) {
      const anchor = n === 0 ? undefined : words[n - 1];
      const from = anchor ? anchor.end : (args[0]?.start ?? line.length);
      return unquote(line.slice(from).trim());
    },
  };
}

function unquote(text: string): string {
  const tokens = text ? safeTokenize(text) : [];
  return tokens.length === 1 && tokens[0]!.key === undefined && tokens[0]!.end === text.length ? tokens[0]!.value : text;
}

function safeTokenize(text: string): Token[] {
  try {
    return tokenize(text);
  } catch {
    return [];
  }
}
