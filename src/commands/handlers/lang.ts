import type { Locale } from "../../domain/localized.ts";
import { fail } from "../../errors.ts";
import { messagesFor } from "../../i18n/messages.ts";
import { textReply } from "../../reply.ts";
import type { CommandHandler } from "../context.ts";

// A Map, not an object literal: "lang constructor" must not find Object's own keys.
const WORDS = new Map<string, Locale>(Object.entries({ en: "en", english: "en", 英文: "en", 英语: "en", zh: "zh-CN", "zh-cn": "zh-CN", cn: "zh-CN", 中文: "zh-CN", 简体中文: "zh-CN" }) as [string, Locale][]);

/** `lang zh|en`: each person reads the bot in their own language. */
export const lang: CommandHandler = async (command, ctx) => {
  const word = command.words[0]?.value ?? "";
  const locale = findLocale(word);
  if (!locale) fail("bad_locale", (m) => m.errors.badLocale(word));
  await ctx.tx.user.update({ where: { id: ctx.caller.user.id }, data: { locale } });
  return textReply(messagesFor(locale).lang.done());
};

export function findLocale(word: string): Locale | undefined {
  return WORDS.get(word.trim().toLowerCase());
}
