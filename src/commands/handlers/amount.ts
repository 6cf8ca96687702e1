/**
 * Reads a deal amount as reps write it: `50000`, `50,000`, `5万`, `1.2w`, `¥8000`.
 * Returns null when it is not an amount, so the caller can say what to type instead.
 */
export function parseAmount(raw: string): number | null {
  const match = /^[¥￥$]?\s*([\d,，]+(?:\.\d+)?)\s*(万|w|k|千)?(?:元)?$/i.exec(raw.trim());
  if (!match) return null;
  const base = Number(match[1]!.replace(/[,，]/g, ""));
  const unit = match[2]?.toLowerCase();
  const factor = unit === "万" || unit === "w" ? 10_000 : unit === "k" || unit === "千" ? 1_000 : 1;
  const amount = Math.round(base * factor * 100) / 100;
  return Number.isFinite(amount) && amount >= 0 && amount < 1e12 ? amount : null;
}
