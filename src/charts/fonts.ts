import { readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** The family every chart draws its text with: CJK glyphs must not depend on the host's fonts. */
export const CHART_FONT = "Noto Sans SC";

let registered = false;

/**
 * Registers Noto Sans SC (the 400 and 700 weights, every unicode-range subset) once per process.
 * The subsets come from @fontsource on the npm registry: nothing is downloaded at run time, and a
 * server with no CJK font installed still draws 潜在客户.
 */
export async function registerChartFonts(): Promise<void> {
  if (registered) return;
  const { GlobalFonts } = await import("@napi-rs/canvas");
  const require = createRequire(import.meta.url);
  const dir = join(dirname(require.resolve("@fontsource/noto-sans-sc/package.json")), "files");
  for (const file of readdirSync(dir)) {
    if (/^noto-sans-sc-.*-(400|700)-normal\.woff2$/.test(file)) GlobalFonts.registerFromPath(join(dir, file), CHART_FONT);
  }
  registered = true;
}
