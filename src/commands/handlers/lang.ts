import type { Locale } from "../../domain/localized.ts";
import { fail } from "../../errors.ts";
import { messagesFor } from "../../i18n/messages.ts";
import { textReply } from "../../reply.ts";
import { wordLookup } from "../../domain/word-lookup.ts";
import type { CommandHandler } from "../context.ts";

/** The Locale a typed word names, in English or Chinese, any case. */
export const findLocale = wordLookup<Locale>({ en: "en", english: "en", 英文: "en", 英语: "en", zh: "zh-CN", "zh-cn": "zh-CN", cn: "zh-CN", 中文: "zh-CN", 简体中文: "zh-CN" });

/** `lang zh|en`: each person reads the bot in their own language. */
export const lang: CommandHandler = async (command, ctx) => {
  const word = command.words[0]?.value ?? "";
  const locale = findLocale(word);
  if (!locale) fail("bad_locale", (m) => m.errors.badLocale(word));
  await ctx.tx.user.update({ where: { id: ctx.caller.user.id }, data: { locale } });
  return textReply(messagesFor(locale).lang.done());
};
