import { describe, expect, it } from "vitest";
import { messagesFor } from "../../src/i18n/messages.ts";
import { useCrm } from "../support/crm-fixture.ts";

/**
 * `help log` and `help stage` under a playbook that adds nothing to them: a countsAs rule that
 * lists no channel, and no stage with prerequisites (opportunity-pipeline, its visit rule emptied).
 */
const t = useCrm({ playbook: "test/commands/fixtures/no-counts-as.yaml" });

describe("help under a playbook without counts-as rules or prerequisites", () => {
  it("shows log's and stage's own words only", async () => {
    const en = t.person("reader", { workspace: "help-bare" });
    const topics = messagesFor("en").help.topics;
    for (const name of ["log", "stage"] as const) {
      const items = (await en.run(`help ${name}`)).cards[0]!.sections[0]!.items;
      expect([name, items]).toEqual([name, [topics[name].summary, ...topics[name].details]]);
    }
  });
});
