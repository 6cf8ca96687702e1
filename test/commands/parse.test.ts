import { describe, expect, it } from "vitest";
import { DomainError } from "../../src/errors.ts";
import { parseCommand } from "../../src/commands/parse.ts";
import { tokenize } from "../../src/commands/tokenize.ts";
import { en } from "../../src/i18n/en.ts";

describe("tokenize", () => {
  it("splits words and key=value pairs, with ASCII and Chinese quotes", () => {
    const tokens = tokenize(`add "Foshan Tuoxin Ltd" contact=“李 总” 手机＝13800138000 note='a b'`);
    expect(tokens.map((t) => [t.key ?? null, t.value])).toEqual([
      [null, "add"],
      [null, "Foshan Tuoxin Ltd"],
      ["contact", "李 总"],
      ["手机", "13800138000"],
      ["note", "a b"],
    ]);
  });

  it("treats full-width spaces as spaces and keeps offsets into the line", () => {
    const line = "log\u3000#3 call";
    const tokens = tokenize(line);
    expect(tokens.map((t) => t.value)).toEqual(["log", "#3", "call"]);
    expect(line.slice(tokens[1]!.start, tokens[1]!.end)).toBe("#3");
  });

  it("reads key= as an empty value and a leading = as part of a word", () => {
    expect(tokenize("email= =x")).toEqual([
      { key: "email", value: "", start: 0, end: 6 },
      { value: "=x", start: 7, end: 9 },
    ]);
  });
});

describe("parseCommand", () => {
  it.each([
    ["/prospect add X", "add"],
    ["prospect add X", "add"],
    ["add X", "add"],
    ["客户 新增 X", "add"],
    ["/客户 跟进 #1 电话 好", "log"],
    ["PROSPECT LIST", "list"],
    ["", "help"],
    ["/prospect", "help"],
    ["战败 #2 价格", "lost"],
  ])("%s → %s", (line, name) => {
    expect(parseCommand(line).name).toBe(name);
  });

  it("keeps free text after the leading words verbatim", () => {
    const command = parseCommand('log #12 call he said "call me Friday"  a=b');
    expect(command.words.map((w) => w.value).slice(0, 2)).toEqual(["#12", "call"]);
    expect(command.restAfter(2)).toBe('he said "call me Friday"  a=b');
    expect(command.restAfter(1)).toBe('call he said "call me Friday"  a=b');
  });

  it("reads the prefix and the subcommand with an ASCII or full-width slash", () => {
    expect(parseCommand("／prospect add X").name).toBe("add");
    expect(parseCommand("/add X").name).toBe("add");
    expect(parseCommand("／跟进 #1 电话").name).toBe("log");
    expect(parseCommand("客户").name).toBe("help");
  });

  it("reads a key=value pair first as no subcommand, even one whose value is a subcommand or the prefix", () => {
    expect(catchError(() => parseCommand("prospect=1 add X")).code).toBe("unknown_subcommand");
    expect(catchError(() => parseCommand("add=1")).code).toBe("unknown_subcommand");
    expect(catchError(() => parseCommand("x=add")).code).toBe("unknown_subcommand");
    expect(catchError(() => parseCommand("x=prospect add")).code).toBe("unknown_subcommand");
  });

  it("drops only a leading slash", () => {
    expect(catchError(() => parseCommand("add/ X")).code).toBe("unknown_subcommand");
    expect(catchError(() => parseCommand("prospect/ add X")).code).toBe("unknown_subcommand");
  });

  it("an empty line asks for help with nothing after it", () => {
    const help = parseCommand("   ");
    expect([help.name, help.words, help.pairs]).toEqual(["help", [], []]);
  });

  it("keeps words and pairs apart, in order", () => {
    const command = parseCommand("edit #3 note=x 手机=13800138000 later");
    expect(command.words.map((w) => w.value)).toEqual(["#3", "later"]);
    expect(command.pairs).toEqual([{ key: "note", value: "x" }, { key: "手机", value: "13800138000" }]);
  });

  it("gives all of the text after the subcommand as the rest after no words", () => {
    expect(parseCommand("/prospect log  #12 call  hi ").restAfter(0)).toBe("#12 call  hi");
    expect(parseCommand('lost "went away"').restAfter(0)).toBe("went away");
    expect(parseCommand("help").restAfter(0)).toBe("");
    expect(parseCommand("log #12 call").restAfter(2)).toBe("");
  });

  it("keeps free text as typed when it is not exactly one quoted phrase", () => {
    expect(parseCommand('lost #3 "too" expensive').restAfter(1)).toBe('"too" expensive');
    expect(parseCommand("lost #3 reason=price").restAfter(1)).toBe("reason=price");
  });

  it("unquotes free text that is one quoted phrase", () => {
    expect(parseCommand('lost #3 "went with a competitor"').restAfter(1)).toBe("went with a competitor");
  });

  it("refuses an unknown subcommand and an unclosed quote with a message saying what to do", () => {
    const unknown = catchError(() => parseCommand("/prospect frobnicate"));
    expect(unknown.code).toBe("unknown_subcommand");
    expect(unknown.render(en)).toContain("frobnicate");
    const quote = catchError(() => parseCommand('add "Foshan'));
    expect(quote.code).toBe("unclosed_quote");
    expect(quote.render(en)).toMatch(/not closed/);
  });
});

function catchError(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error("expected a DomainError");
}

describe("composeCommand", () => {
  it("round-trips form answers through the parser, whatever they contain", async () => {
    const { composeCommand } = await import("../../src/commands/compose.ts");
    const values = { company: 'He said "hi" & left', contact: "李 总", note: "it's “quoted”", mobile: "13800138000", email: "" };
    const parsed = parseCommand(composeCommand("add", values));
    expect(parsed.name).toBe("add");
    expect(Object.fromEntries(parsed.pairs.map((p) => [p.key, p.value]))).toEqual({
      company: 'He said "hi" & left',
      contact: "李 总",
      note: "it's “quoted”",
      mobile: "13800138000",
    });
  });
});
