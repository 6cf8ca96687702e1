import type { File, Suite, Test } from "@vitest/runner";
import type { Reporter, Vitest } from "vitest/node";

/**
 * For `npm run mutate` only (vitest.mutate.config.ts). Stryker's vitest runner (9.6) judges a
 * mutant by the tests it finds with a result, and sees no other failure of a test file. A file that
 * throws while it loads has no tests; a file whose `beforeAll` throws (our `useCrm()` fixture
 * creates the database and loads the playbook there) leaves its tests without a result. Vitest
 * fails the run for both, but the runner reported such a mutant *Survived* whenever the other
 * files passed. This reporter gives each such file one failed test carrying the error, so the
 * runner sees the failure vitest itself reports.
 */
export class LoadFailuresAsTests implements Reporter {
  private vitest: Vitest | undefined;

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
  }

  // The runner reads `state.getFiles()` once the run has ended, after this.
  onTestRunEnd(): void {
    for (const file of this.vitest?.state.getFiles() ?? []) {
      if (file.result?.state !== "fail" || hasFailedTest(file)) continue;
      const name = "loads and runs its hooks";
      const failed: Test = {
        type: "test",
        id: `${file.id}_hooks`,
        name,
        fullName: `${file.name} ${name}`,
        fullTestName: name,
        mode: "run",
        meta: {},
        file,
        suite: file,
        timeout: 0,
        annotations: [],
        artifacts: [],
        // The runner reads the state and the first error's message.
        result: { state: "fail", errors: firstSuiteErrors(file) },
        context: undefined as never,
      };
      file.tasks.push(failed);
    }
  }
}

function hasFailedTest(suite: Suite): boolean {
  return suite.tasks.some((task) => (task.type === "test" ? task.result?.state === "fail" : hasFailedTest(task)));
}

function firstSuiteErrors(suite: Suite | File): NonNullable<Test["result"]>["errors"] {
  if (suite.result?.errors?.length) return suite.result.errors;
  for (const task of suite.tasks) {
    if (task.type !== "suite") continue;
    const errors = firstSuiteErrors(task);
    if (errors?.length) return errors;
  }
  return [{ message: "the test file failed outside its tests", name: "Error" }];
}
