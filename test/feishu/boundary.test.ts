import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../adapters/feishu/", import.meta.url));
const IMPORT = /(?:import|export)\s[^;]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

// Rendering and reading payloads are pure functions of their input: testable without a
// server, a database or the SDK, and safe to change without touching the wiring.
const PURE = [
  "cards/elements.ts", "cards/render-card.ts", "cards/render-forms.ts", "cards/action-value.ts", "cards/parse-card-event.ts",
  "events/parse-message.ts", "webhook/verify.ts", "api/send-errors.ts", "i18n.ts",
];

describe("the Feishu adapter's pure parts", () => {
  it("import neither the SDK, the database, nor the CRM at run time", () => {
    const offenders: string[] = [];
    for (const file of PURE) {
      for (const match of readFileSync(ROOT + file, "utf8").matchAll(IMPORT)) {
        const target = match[1] ?? match[2]!;
        const typeOnly = /^import type|^export type/.test(match[0]);
        if (/^@larksuiteoapi\/|\/db\/|\/crm\/crm\.ts$|^@prisma\/|^pg$/.test(target) && !typeOnly) offenders.push(`${file} → ${target}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
