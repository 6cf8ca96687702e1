import { describe, expect, it } from "vitest";
import { findJob, JOBS } from "../../src/jobs/registry.ts";

// The jobs `npm run job -- <name>` knows, found by their exact name.
describe("the job registry", () => {
  it("finds each scheduled job by its name, and no other", () => {
    expect(JOBS.map((job) => job.name)).toEqual(["morning-digest", "director-digest", "weekly-summary", "calendar-notice"]);
    for (const name of ["morning-digest", "director-digest", "weekly-summary", "calendar-notice"]) expect(findJob(name)?.name).toBe(name);
    expect(findJob("weekly")).toBeUndefined();
    expect(findJob("")).toBeUndefined();
    expect(findJob("weekly-summary")!.schedule({ digestAt: "09:00", weeklyCron: "0 9 * * 1" })).toEqual({ cron: "0 9 * * 1", perTimeZone: true });
  });
});
