import { describe, expect, it } from "vitest";
import { MAX_COMMAND_CHARS, normalizeCommandLine } from "../../src/commands/input-limits.ts";
import { DomainError } from "../../src/errors.ts";
import { en } from "../../src/i18n/en.ts";

function refusal(line: string): { code: string; text: string } {
  try {
    normalizeCommandLine(line);
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, text: error.render(en) };
    throw error;
  }
  throw new Error("expected a DomainError");
}

describe("what every command line goes through", () => {
  it("writes every line break as \\n", () => {
    expect(normalizeCommandLine("a\r\nb\rc\nd")).toBe("a\nb\nc\nd");
  });

  it("drops the invisible marks pasted text carries", () => {
    expect(normalizeCommandLine("\uFEFFadd Ac\u200Bme\u2060 Ltd")).toBe("add Acme Ltd");
  });

  it("composes characters typed two ways into one (NFC)", () => {
    expect(normalizeCommandLine("add Cafe\u0301")).toBe("add Caf\u00e9");
  });

  it("keeps tabs, line breaks and every printable character", () => {
    expect(normalizeCommandLine("log #1\tcall\n好 💩 ~")).toBe("log #1\tcall\n好 💩 ~");
  });

  it("refuses a control character, naming its code and the character it is at", () => {
    expect(refusal("add\u0007 x")).toEqual({
      code: "control_character",
      text: "The command contains an invisible control character (U+0007) at character 4. Type it again without it.",
    });
    expect(refusal("\u0000")).toMatchObject({ code: "control_character", text: expect.stringContaining("(U+0000) at character 1") });
  });

  it.each([
    ["\u0008", "U+0008"], ["\u000B", "U+000B"], ["\u000C", "U+000C"], ["\u000E", "U+000E"], ["\u001B", "U+001B"],
    ["\u001F", "U+001F"], ["\u007F", "U+007F"], ["\u0080", "U+0080"], ["\u009F", "U+009F"],
  ])("refuses %j as %s", (control, code) => {
    expect(refusal(`ok ${control}`)).toMatchObject({ code: "control_character", text: expect.stringContaining(`(${code}) at character 4`) });
  });

  it("accepts the characters just outside the control ranges", () => {
    expect(normalizeCommandLine("\u0020\u007E\u00A0x")).toBe("\u0020\u007E\u00A0x");
  });

  it("counts positions in characters, not UTF-16 units", () => {
    expect(refusal("💩💩\u0001").text).toContain("at character 3");
    expect(refusal("💩\u200B\u0001").text).toContain("at character 2");
  });

  it("refuses half of a character, saying where", () => {
    expect(refusal("ab\uD800")).toEqual({
      code: "broken_character",
      text: "The command contains a broken character at character 3 (half of an emoji or a symbol?). Type it again.",
    });
    expect(refusal("\uDC00x").text).toContain("at character 1");
    expect(refusal("💩\uDCA9").text).toContain("at character 2");
    expect(refusal("x\uD83D y").text).toContain("at character 2");
  });

  it("refuses a line over the limit rather than cutting it, counting characters", () => {
    expect(MAX_COMMAND_CHARS).toBe(10_000);
    expect(normalizeCommandLine("x".repeat(10_000))).toHaveLength(10_000);
    expect(normalizeCommandLine("💩".repeat(10_000))).toHaveLength(20_000);
    expect(refusal("x".repeat(10_001))).toEqual({
      code: "too_long",
      text: "That command is 10001 characters long; the most I read is 10000. Shorten it (a long call note can go in several log entries).",
    });
  });

  it("counts the limit after invisible marks are dropped", () => {
    expect(normalizeCommandLine(`${"x".repeat(10_000)}\u200B`)).toHaveLength(10_000);
  });
});
