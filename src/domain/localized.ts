/** Text a person reads, in every language the product speaks. */
export type Locale = "zh-CN" | "en";

export interface LocalizedText {
  en: string;
  zh: string;
}

export function pick(text: LocalizedText, locale: Locale): string {
  return locale === "en" ? text.en : text.zh;
}
