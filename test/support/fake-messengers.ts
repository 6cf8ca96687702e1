import { afterAll, beforeAll } from "vitest";
import { FakeFeishuApi } from "./fake-feishu-api.ts";
import { FakeSlackApi } from "./fake-slack-api.ts";

/** A fake Slack and a fake Feishu for one test file, started before its tests and stopped after. */
export function useFakeMessengers(): { slack: FakeSlackApi; feishu: FakeFeishuApi } {
  const fakes = {} as { slack: FakeSlackApi; feishu: FakeFeishuApi };
  beforeAll(async () => {
    fakes.slack = await new FakeSlackApi().start();
    fakes.feishu = await FakeFeishuApi.start();
  });
  afterAll(async () => {
    await fakes.slack.stop();
    await fakes.feishu.stop();
  });
  return fakes;
}
