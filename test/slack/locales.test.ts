import { describe, expect, it } from "vitest";
import { CallerLocales } from "../../adapters/slack/locales.ts";
import type { Crm } from "../../src/crm/crm.ts";
import type { Identity } from "../../src/crm/identity.ts";
import type { Locale } from "../../src/domain/localized.ts";

type Caller = Awaited<ReturnType<Crm["callerFor"]>>;
const quiet = { info() {}, warn() {}, error() {} };
const person: Identity = { platform: "slack", workspaceId: "T1", userId: "U1", locale: "zh-CN" };

/** A core whose callerFor answers with `stored.locale` and counts the lookups. */
function fakeCore(stored: { locale: Locale }) {
  const core = {
    lookups: 0,
    failing: false,
    callerFor: async () => {
      core.lookups++;
      if (core.failing) throw new Error("database is down");
      return { locale: stored.locale } as Caller;
    },
  };
  return core;
}

describe("the language of the adapter's own words", () => {
  it("is the caller's chosen language, looked up once and then kept", async () => {
    const core = fakeCore({ locale: "en" });
    const locales = new CallerLocales(core, quiet);
    expect(locales.peek("T1", "U1")).toBeUndefined();
    expect(await locales.of(person)).toBe("en");
    expect(await locales.of(person)).toBe("en");
    expect((await locales.strings(person)).cancel).toBe("Cancel");
    expect(locales.peek("T1", "U1")).toBe("en");
    expect(core.lookups).toBe(1);
  });

  it("is looked up again right after a `lang`, in any spelling, and only then", async () => {
    const stored = { locale: "zh-CN" as Locale };
    const core = fakeCore(stored);
    const locales = new CallerLocales(core, quiet);
    await locales.of(person);
    await locales.afterCommand(person, "log #1 call lang en"); // not a lang command
    await locales.afterCommand(person, 'lang "unclosed'); // does not parse
    expect(core.lookups).toBe(1);
    for (const [line, locale] of [["lang en", "en"], ["/prospect 语言 zh", "zh-CN"], ["LANGUAGE en", "en"]] as const) {
      stored.locale = locale;
      await locales.afterCommand(person, line);
      expect(locales.peek("T1", "U1"), line).toBe(locale);
    }
    expect(core.lookups).toBe(4);
  });

  it("a lookup that started before a `lang` does not bring the old language back", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    // The first lookup answers from before the `lang`, and only after the second has answered.
    const answers: Promise<Locale>[] = [gate.then(() => "zh-CN"), Promise.resolve("en")];
    const core = { callerFor: async () => ({ locale: await answers.shift()! }) as Caller };
    const locales = new CallerLocales(core, quiet);
    const early = locales.of(person);
    await locales.afterCommand(person, "lang en");
    release();
    expect(await early).toBe("zh-CN");
    expect(locales.peek("T1", "U1")).toBe("en");
  });

  it("falls back to what Slack said when the core cannot be asked, and asks again next time", async () => {
    const core = fakeCore({ locale: "en" });
    core.failing = true;
    const locales = new CallerLocales(core, quiet);
    expect(await locales.of(person)).toBe("zh-CN");
    core.failing = false;
    expect(await locales.of(person)).toBe("en");
  });
});
