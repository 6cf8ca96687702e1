import type { Locale } from "../domain/localized.ts";
import { en } from "./en.ts";
import { zh } from "./zh.ts";

/** The message catalog; the Chinese one is typed against the English, so neither can miss a message. */
export type Messages = typeof en;

export function messagesFor(locale: Locale): Messages {
  return locale === "en" ? en : zh;
}

/** `zh_CN.UTF-8` → zh-CN, `en_US` → en; anything else is the product's default, Chinese. */
export function localeFromTag(tag: string | undefined): Locale {
  const t = (tag ?? "").toLowerCase();
  if (t.startsWith("en")) return "en";
  return "zh-CN";
}
