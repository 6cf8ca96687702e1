// @ts-check
// Mutation testing of the core (`npm run mutate`; see test/README.md). Not part of `npm test`
// or CI: over all of the core it takes far longer than the suite.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
const config = {
  testRunner: "vitest",
  vitest: { configFile: "vitest.mutate.config.ts", related: true },
  // No TypeScript checker: @stryker-mutator/typescript-checker drives the compiler's JS API,
  // which TypeScript 7 (the native compiler) does not have. Mutants that would not type-check
  // still run; vitest strips types, so they are judged by the tests like any other.
  checkers: [],
  // Stryker rewrites the tsconfig's extends/references for its sandbox with the same JS API;
  // ours has neither, so it is pointed at a file that does not exist and left alone.
  tsconfigFile: "tsconfig.stryker-absent.json",
  coverageAnalysis: "perTest",
  mutate: [
    "src/playbook/**/*.ts",
    "src/commands/**/*.ts",
    "src/customers/**/*.ts",
    "src/domain/**/*.ts",
    "src/jobs/**/*.ts",
    "src/reports/**/*.ts",
    "src/parsing/**/*.ts",
    "src/operations/**/*.ts",
    "src/director/**/*.ts",
  ],
  reporters: ["clear-text", "progress-append-only", "html", "json"],
  htmlReporter: { fileName: "reports/mutation/mutation.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  tempDirName: ".stryker-tmp",
  concurrency: 1,
  // A mutant that loops forever is killed by this timeout (it counts as detected); keep it short.
  timeoutMS: 5_000,
  cleanTempDir: "always",
};
export default config;
