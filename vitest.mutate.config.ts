import { defineConfig } from "vitest/config";
import base from "./vitest.config.ts";
import { LoadFailuresAsTests } from "./test/support/load-failures-as-tests.ts";

// Used by `npm run mutate` only. Stryker's vitest runner forces the `threads` pool and runs
// each mutant against the tests that cover it; MUTATE_TESTS (comma-separated globs) narrows
// the test files when one file or folder is mutated, so the dry run does not start the
// whole Slack / Feishu suite to mutate one parser. (Not mergeConfig: it would append to the
// base `include` instead of replacing it.)
const include = process.env.MUTATE_TESTS?.split(",").map((glob) => glob.trim()).filter(Boolean);

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    pool: "threads",
    // Stryker runs its own workers (`concurrency`); one test file at a time inside each.
    maxWorkers: 1,
    isolate: true,
    // Stryker's runner sees only the tests it finds: a test file that failed to load, or whose
    // top-level beforeAll threw, gets a failed test here, or its mutant reads as Survived.
    reporters: ["default", new LoadFailuresAsTests()],
    ...(include?.length ? { include } : {}),
  },
});
