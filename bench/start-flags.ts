import { readFileSync } from "node:fs";

/**
 * The node flags `npm start` gives the bot (package.json's start script), so that what the
 * benchmarks time and weigh runs as the deployed bot does.
 */
export const START_FLAGS: string[] = (JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")).scripts.start as string)
  .split(/\s+/)
  .filter((word) => word.startsWith("--"));
