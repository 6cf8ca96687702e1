import { mkdir, readFile, writeFile } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import type { ExecuteOptions } from "../../src/crm/crm.ts";
import { parseCommand } from "../../src/commands/parse.ts";
import type { ReplyFile } from "../../src/reply.ts";

/**
 * What a console line asks the core: `import <path>` becomes `import` with the file's bytes (a
 * path that cannot be read goes on as typed, and the core says so). `yes` is the core's own
 * command: it confirms the last dry run, an import's included.
 */
export async function consoleRequest(line: string): Promise<{ line: string; options: ExecuteOptions }> {
  let command;
  try {
    command = parseCommand(line);
  } catch {
    return { line, options: {} };
  }
  const first = command.words[0]?.value.toLowerCase();
  if (command.name !== "import" || !first || ["confirm", "cancel", "确认", "取消"].includes(first)) return { line, options: {} };
  const path = command.restAfter(0);
  try {
    const bytes = await readFile(resolve(path));
    return { line: "import", options: { files: [{ name: basename(path), bytes: new Uint8Array(bytes) }] } };
  } catch {
    return { line, options: {} };
  }
}

/** Writes a reply's exported files under the export folder; returns where each went. */
export async function saveExports(files: readonly ReplyFile[], exportDir: string): Promise<string[]> {
  const saved: string[] = [];
  for (const file of files) {
    await mkdir(exportDir, { recursive: true });
    const path = resolve(join(exportDir, basename(file.name)));
    await writeFile(path, file.data);
    saved.push(path);
  }
  return saved;
}
