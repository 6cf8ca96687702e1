import { beforeAll, describe, expect, it } from "vitest";
import { useCrm } from "../support/crm-fixture.ts";
import type { SlackCall } from "../support/fake-slack-api.ts";
import { asMessage, control, later, slackUser, useSlack } from "./harness.ts";

const t = useCrm();
const slack = useSlack(t);
/** Slack says Chinese; they choose English with `lang en`. */
const wei = slackUser("U_WEI", "wei");

/** The modal exactly as views.open opened it (before anything the adapter might correct). */
async function opening(triggerId: string, from: number): Promise<SlackCall["body"]["view"]> {
  return (await slack.fake.waitFor("views.open", (c) => c.body.trigger_id === triggerId, { from })).body.view;
}

async function addModal(): Promise<SlackCall["body"]["view"]> {
  later(t); // a bare `add` a few seconds after the last would count as sent twice
  const from = slack.fake.calls.length;
  const { triggerId } = await slack.slash(wei, "add");
  return opening(triggerId, from);
}

describe("the adapter's own words", () => {
  beforeAll(async () => {
    slack.fake.setUser({ id: "U_FIRST", name: "first", locale: "en-US" });
    await slack.command(slackUser("U_FIRST", "first"), "help"); // someone else administers the workspace
    slack.fake.setUser({ id: wei.id, name: "wei", locale: "zh-CN" });
  });

  it("follow the language chosen with lang, not the one users.info gives, from the very next modal on", async () => {
    expect((await addModal()).close.text).toBe("取消");
    expect((await slack.command(wei, "lang en")).text).toBe("I will answer you in English.");
    const modal = await addModal();
    expect(modal.title.text).toBe("New customer");
    expect(modal.close.text).toBe("Cancel");

    // A prompt button's modal is opened before anyone is asked who clicked: already in English.
    const card = asMessage(await slack.command(wei, "add LangCo"));
    const from = slack.fake.calls.length;
    const { triggerId } = await slack.click(wei, card, control(card.blocks, "Log call"));
    expect(await opening(triggerId, from)).toMatchObject({ submit: { text: "Submit" }, close: { text: "Cancel" } });
    await slack.adapter.idle();
    expect(slack.fake.calls.slice(from).filter((c) => c.method === "views.update")).toEqual([]);

    // And back: `语言 zh` is `lang zh` too.
    expect((await slack.command(wei, "语言 zh")).text).toBe("好的，以后用中文回复你。");
    expect((await addModal()).close.text).toBe("取消");
  });

  it("the App Home's button and a refused click speak the chosen language too", async () => {
    later(t, 10 * 60_000); // every test starts at the same moment: past the last test's `lang en`
    await slack.command(wei, "lang en");
    const from = slack.fake.calls.length;
    await slack.event({
      token: "legacy", team_id: "T1", api_app_id: "A_APP", type: "event_callback", event_id: "EvLang1", event_time: 1_700_000_000,
      event: { type: "app_home_opened", user: wei.id, channel: `D${wei.id}`, tab: "home", event_ts: "1700000000.000100" },
    });
    const home = (await slack.fake.waitFor("views.publish", (c) => c.body.user_id === wei.id, { from })).body.view;
    expect(control(home.blocks, "New customer").value).toBe("add");

    // A button from an older version of the app: the adapter answers it itself.
    const stale = { label: "Log call", block_id: "c0:a0", action_id: "crm_prompt_0", value: "not a prompt any more", type: "button" as const };
    const { responseId } = await slack.click(wei, { ts: "1.1", channel: "C_SALES", blocks: [], text: "" }, stale);
    expect((await slack.fake.waitForResponse(responseId)).body).toMatchObject({
      response_type: "ephemeral",
      text: "This button no longer works. Run the command again.",
    });
  });
});
