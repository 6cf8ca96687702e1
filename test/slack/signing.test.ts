import { describe, expect, it } from "vitest";
import { useCrm } from "../support/crm-fixture.ts";
import { sign, slackUser, useSlack } from "./harness.ts";

const t = useCrm();
const slack = useSlack(t);
const rep = slackUser("U_SIGNER", "signer");

function addCommand(company: string): string {
  return new URLSearchParams({
    team_id: "T1", team_domain: "t1", channel_id: "C1", channel_name: "sales", user_id: rep.id, user_name: rep.name,
    command: "/prospect", text: `add ${company}`, response_url: slack.fake.responseUrl("never"), trigger_id: "trig", api_app_id: "A",
  }).toString();
}

describe("request signing", () => {
  it("runs a correctly signed command", async () => {
    const { status } = await slack.post(addCommand("SignedCo"));
    expect(status).toBe(200);
    const answer = await slack.fake.waitForResponse("never");
    expect(answer.body.text).toBe("Added #1 SignedCo.");
    expect(await t.db.prisma.customer.count({ where: { company: "SignedCo" } })).toBe(1);
  });

  it("rejects a forged, an expired and a tampered request with 401 and writes nothing", async () => {
    slack.fake.reset();
    const before = await t.db.prisma.customer.count();
    const now = Math.floor(Date.now() / 1000);
    const forged = await slack.post(addCommand("ForgedCo"), { signature: sign(addCommand("ForgedCo"), now, "not-the-secret") });
    const expired = await slack.post(addCommand("ExpiredCo"), { timestamp: now - 6 * 60 });
    const body = addCommand("HonestCo");
    const tampered = await slack.post(body.replace("HonestCo", "TamperedCo"), { signature: sign(body, now), timestamp: now });
    const unsigned = await fetch(slack.endpoint, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: addCommand("BareCo") });
    expect([forged.status, expired.status, tampered.status, unsigned.status]).toEqual([401, 401, 401, 401]);
    expect(await t.db.prisma.customer.count()).toBe(before);
    expect(slack.fake.calls).toEqual([]);
  });
});
