import type { Locale } from "../domain/localized.ts";

const grouped = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 2 });

/**
 * A money amount as a rep reads it: `¥50,000` in English; in Chinese, whole 万 as `5万元`
 * (how deals are spoken of) and anything else as `¥12,345`. Decimal strings (Prisma's
 * Decimal) are accepted as they are stored.
 */
export function formatAmount(amount: number | string | { toString(): string }, locale: Locale): string {
  const n = typeof amount === "number" ? amount : Number(amount.toString());
  if (!Number.isFinite(n)) return String(amount);
  if (locale !== "en" && n >= 10_000 && Math.round(n) % 100 === 0 && Number.isInteger(n)) {
    return `${grouped(n / 10_000)}万元`;
  }
  return `¥${grouped(n)}`;
}
