import { describe, expect, it } from "vitest";
import { useCrm } from "../support/crm-fixture.ts";

const t = useCrm();

describe("lang: each person chooses the language they read", () => {
  const ann = t.person("lang-ann");

  it("switches on the words for each language, and answers in the new one", async () => {
    expect((await ann.run("lang 中文")).text).toMatch(/中文/);
    expect((await t.db.prisma.user.findFirstOrThrow({ where: { externalId: "lang-ann" } })).locale).toBe("zh-CN");
    expect((await ann.run("lang English")).text).toMatch(/English/);
    expect((await t.db.prisma.user.findFirstOrThrow({ where: { externalId: "lang-ann" } })).locale).toBe("en");
  });

  it("refuses a word that is no language, even one every JavaScript object has as a key, and changes nothing", async () => {
    for (const word of ["fr", "constructor", "toString", "__proto__"]) {
      const reply = await ann.run(`lang ${word}`);
      expect(reply.ok).toBe(false);
      expect(reply.text).toBe(`"${word}" is not a language I speak. Use zh or en.`);
    }
    expect((await t.db.prisma.user.findFirstOrThrow({ where: { externalId: "lang-ann" } })).locale).toBe("en");
  });

  it("asks for a language when given none", async () => {
    const reply = await t.person("lang-bob").run("lang");
    expect(reply.code).toBe("bad_locale");
    expect(reply.text).toBe('"" is not a language I speak. Use zh or en.');
  });
});
