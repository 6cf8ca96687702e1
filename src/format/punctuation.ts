import type { Locale } from "../domain/localized.ts";

/** "Price: 3" / "价格：3": Chinese text takes the full-width colon. */
export function labelled(label: string, value: string | number, locale: Locale): string {
  return locale === "en" ? `${label}: ${value}` : `${label}：${value}`;
}

/** A remark after a figure: "12 (3/4)" / "12（3/4）". */
export function aside(text: string, locale: Locale): string {
  return locale === "en" ? ` (${text})` : `（${text}）`;
}
