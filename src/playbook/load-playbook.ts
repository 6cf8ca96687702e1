import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseDocument } from "yaml";
import { describeIssues, PlaybookError, playbookErrorMap } from "./playbook-error.ts";
import { playbookSchema, type Playbook } from "./playbook.schema.ts";

export { PlaybookError } from "./playbook-error.ts";

/**
 * Presets live next to the code, not next to wherever the process was started: resolve them
 * from this module's location so `npm start` from any directory finds the same files.
 */
const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
const PRESETS_DIR = path.join(REPO_ROOT, "playbooks");
const PRESET_EXTENSION = ".yaml";
export const DEFAULT_PRESET = "default";

/** Names of the shipped playbooks (`playbooks/<name>.yaml`), sorted. */
export async function listPresets(): Promise<string[]> {
  const files = await readdir(PRESETS_DIR).catch(() => [] as string[]);
  return files
    .filter((file) => file.endsWith(PRESET_EXTENSION))
    .map((file) => file.slice(0, -PRESET_EXTENSION.length))
    .sort();
}

/**
 * `undefined` → the default preset; a bare name → `playbooks/<name>.yaml`; anything with a
 * slash or a .yaml/.yml/.json ending → a file path (relative paths from the working directory,
 * since that is where the admin typed it).
 */
export async function loadPlaybook(nameOrPath: string | undefined): Promise<Playbook> {
  const wanted = nameOrPath?.trim() || DEFAULT_PRESET;
  if (isPath(wanted)) {
    return parsePlaybook(await readSource(path.resolve(wanted), wanted), wanted);
  }
  const presets = await listPresets();
  if (!presets.includes(wanted)) {
    throw new PlaybookError(`playbook "${wanted}"`, [
      `unknown preset; available presets: ${presets.join(", ") || "(none found)"} (or give a path to a .yaml or .json file)`,
    ]);
  }
  const display = `playbooks/${wanted}${PRESET_EXTENSION}`;
  return parsePlaybook(await readSource(path.join(PRESETS_DIR, wanted + PRESET_EXTENSION), display), display);
}

/** Parse and validate playbook text; `source` names it in error messages. JSON is YAML too. */
export function parsePlaybook(text: string, source: string): Playbook {
  const data = /\.json$/i.test(source) ? parseJson(text, source) : parseYaml(text, source);
  if (data === null || data === undefined) throw new PlaybookError(source, ["the playbook is empty"]);
  const result = playbookSchema.safeParse(data, { error: playbookErrorMap });
  if (!result.success) throw new PlaybookError(source, describeIssues(result.error.issues));
  return result.data;
}

function isPath(nameOrPath: string): boolean {
  return /[/\\]/.test(nameOrPath) || /\.(ya?ml|json)$/i.test(nameOrPath);
}

async function readSource(file: string, display: string): Promise<string> {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : (code ?? "unreadable");
    throw new PlaybookError(display, [`cannot read the playbook (${reason})`]);
  }
}

function parseYaml(text: string, source: string): unknown {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) {
    throw new PlaybookError(
      source,
      doc.errors.map((error) => {
        const at = error.linePos?.[0];
        const where = at ? `line ${at.line}, column ${at.col}: ` : "";
        // The yaml message repeats the position and adds a source excerpt; keep the reason.
        return `${where}invalid YAML: ${error.message.split("\n")[0]?.replace(/ at line \d+, column \d+:?$/, "")}`;
      }),
    );
  }
  return doc.toJS();
}

function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new PlaybookError(source, [`invalid JSON: ${(error as Error).message}`]);
  }
}
