import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourcesUnder(path) : path.endsWith(".ts") ? [path] : [];
  });
}

const IMPORT = /(?:import|export)\s[^;]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

describe("the core stays platform-neutral", () => {
  it("no file under src/ imports an adapter or a messenger SDK", () => {
    const offenders: string[] = [];
    const files = sourcesUnder(join(ROOT, "src"));
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      for (const match of readFileSync(file, "utf8").matchAll(IMPORT)) {
        const target = match[1] ?? match[2]!;
        if (/^@slack\/|^@larksuiteoapi\/|(^|\/)adapters\//.test(target)) offenders.push(`${relative(ROOT, file)} → ${target}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it("nothing under src/ reads process.env: the entry point hands the environment to the config", () => {
    const readers = sourcesUnder(join(ROOT, "src"))
      .filter((file) => /process\.env/.test(readFileSync(file, "utf8")))
      .map((file) => relative(ROOT, file));
    expect(readers).toEqual([]);
  });
});
