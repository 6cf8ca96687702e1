import { SUBCOMMANDS, findSubcommand } from "../../src/commands/subcommands.ts";
import { chineseKeyWord, findFieldKey } from "../../src/domain/customer-fields.ts";
import { findActivityKind, type ActivityKind } from "../../src/domain/channels.ts";
import type { Card, CardAction, Reply } from "../../src/reply.ts";

/**
 * A reply as plain text for a terminal. Buttons become the command they would run, so the
 * person can type it — in Chinese for a Chinese reply (`跟进 #12 电话`, not `log #12 call`), as
 * the bot reads both.
 */
export function renderText(reply: Reply): string {
  const zh = isChinese(reply);
  const parts = [reply.text];
  for (const card of reply.cards) parts.push(renderCard(card, zh));
  return parts.filter((p) => p.trim() !== "").join("\n\n");
}

function renderCard(card: Card, zh: boolean): string {
  const colon = zh ? "：" : ": ";
  const lines = [`┌ ${card.title}`];
  if (card.subtitle) lines.push(`│ ${card.subtitle}`);
  for (const field of card.fields) lines.push(`│ ${field.label}${colon}${field.value}`);
  for (const section of card.sections) {
    if (section.title) lines.push(`│ ${section.title}${colon.trim()}`);
    for (const item of section.items) lines.push(`│   ${item.replace(/\n/g, "\n│   ")}`);
  }
  const actions = card.actions.flatMap((action) => renderAction(action, zh));
  if (actions.length > 0) lines.push(`│ ${actions.join("   ")}`);
  if (card.footer) lines.push(`│ ${card.footer}`);
  lines.push("└");
  return lines.join("\n");
}

/** The console is one workspace: `#12@local` reads (and can be typed) as `#12`. */
const local = (command: string) => command.replace(/(#\d+)@\S+/g, "$1");

function renderAction(action: CardAction, zh: boolean): string[] {
  const colon = zh ? "：" : ": ";
  const say = (command: string) => (zh ? inChinese(local(command)) : local(command));
  switch (action.kind) {
    case "run":
      return [`[${action.label}${colon}${say(action.command)}]`];
    case "prompt":
      return [`[${action.label}${colon}${say(action.command)} …]`];
    case "choose":
      return [`[${action.label}${colon}${action.options.map((o) => o.command.split(" ").pop()).join("|")}]`];
    case "form":
      return [`${say(action.form.command)} ${action.form.inputs.map((i) => `${zh ? keyInChinese(i.key) : i.key}=…`).join(" ")}`];
  }
}

const CHANNEL_ZH: Record<ActivityKind, string> = { call: "电话", sms: "短信", visit: "拜访", email: "邮件", wechat: "微信", note: "备注" };
const WORD_ZH: Record<string, string> = { cancelled: "退单", churned: "流失", confirm: "确认", cancel: "取消", all: "全部" };

/**
 * A button's command in the words a Chinese reader types: the subcommand's first Chinese alias,
 * channels and the few fixed words by their Chinese names, spans in 天/小时. Anything else (a
 * customer number, a stage already named in Chinese, an id) is kept as it is.
 */
export function inChinese(command: string): string {
  const [first = "", ...rest] = command.split(" ");
  const name = findSubcommand(first);
  const head = name ? (SUBCOMMANDS[name][0] ?? first) : first;
  const words = rest.map((word) => {
    const kind = name === "log" ? findActivityKind(word) : undefined;
    if (kind) return CHANNEL_ZH[kind];
    if (name === "snooze") return word.replace(/^(\d+)d$/, "$1天").replace(/^(\d+)h$/, "$1小时");
    return WORD_ZH[word] ?? word;
  });
  return [head, ...words].join(" ");
}

function keyInChinese(key: string): string {
  const known = findFieldKey(key);
  return known ? chineseKeyWord(known) : key;
}

const CJK = /[\u3400-\u9fff]/;

/** Chinese when the words the bot itself chose (labels, titles) are Chinese; customer names may be either. */
function isChinese(reply: Reply): boolean {
  if (reply.locale) return reply.locale !== "en";
  const labels = reply.cards.flatMap((c) => [...c.actions.map((a) => a.label), ...c.fields.map((f) => f.label), ...c.sections.map((s) => s.title)]).filter(Boolean);
  return CJK.test(labels.length > 0 ? labels.join(" ") : reply.text);
}
