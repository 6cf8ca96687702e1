import type { z } from "zod";
import { TOUCH_CHANNELS } from "../domain/channels.ts";

/**
 * A playbook that cannot be used. The message is for the admin who edits the file: it names
 * the file, the field path and what was expected, one problem a line, never a zod dump or a
 * stack. `problems` holds the same lines without the file prefix, for tests and UIs.
 */
export class PlaybookError extends Error {
  readonly problems: readonly string[];

  constructor(readonly source: string, problems: readonly string[]) {
    super(problems.map((problem) => `${source}: ${problem}`).join("\n"));
    this.name = "PlaybookError";
    this.problems = problems;
  }
}

/** `["stages", 1, "grades", 0, "id"]` → `stages[1].grades[0].id`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((segment, i) => (typeof segment === "number" ? `[${segment}]` : `${i === 0 ? "" : "."}${String(segment)}`))
    .join("");
}

/** One line per problem, `path: what was expected`. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.flatMap((issue) => {
    if (issue.code === "unrecognized_keys") {
      // A cadence maps channels to rules, so its unknown keys are unknown channels.
      const inCadence = issue.path.at(-1) === "cadence";
      const message = inCadence
        ? `unknown channel; expected one of ${TOUCH_CHANNELS.join(", ")}`
        : "unknown field; check the spelling";
      return issue.keys.map((k) => line([...issue.path, k], message));
    }
    return [line(issue.path, issue.message)];
  });
}

const line = (path: readonly PropertyKey[], message: string) =>
  path.length === 0 ? message : `${formatPath(path)}: ${message}`;

/**
 * Zod's defaults ("Invalid input: expected string, received undefined") are written for
 * programmers; these read as instructions for someone editing YAML.
 */
export const playbookErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined ? "is required" : `expected ${noun(issue.expected)}, got ${describe(issue.input)}`;
    case "invalid_value":
      return `expected one of ${issue.values.map(String).join(", ")}`;
    case "too_small":
      // Every list with a minimum says what it needs in its own words (`error:` in the schema).
      if (issue.origin === "string") return "expected text, got an empty one";
      if (issue.origin === "number") return `expected ${issue.inclusive ? "at least" : "more than"} ${String(issue.minimum)}`;
      return undefined;
    default:
      return undefined;
  }
};

const NOUNS: Record<string, string> = {
  array: "a list",
  object: "a mapping (key: value)",
  string: "text",
  number: "a number",
  boolean: "true or false",
};
const noun = (expected: string) => NOUNS[expected] ?? expected;

function describe(input: unknown): string {
  if (input === null) return "nothing (null)";
  if (Array.isArray(input)) return "a list";
  if (typeof input === "object") return "a mapping";
  if (typeof input === "string") return `the text "${input.length > 40 ? `${input.slice(0, 40)}…` : input}"`;
  return `${typeof input} ${String(input)}`;
}
