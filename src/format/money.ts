import type { Locale } from "../domain/localized.ts";

/** ¥50,000 in both languages: the currency the playbooks and their reps work in. */
export function formatMoney(amount: number, locale: Locale): string {
  const digits = amount.toLocaleString(locale === "en" ? "en-US" : "zh-CN", { maximumFractionDigits: 2 });
  return `¥${digits}`;
}
