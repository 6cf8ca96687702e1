import type { Locale } from "../../src/domain/localized.ts";
import type { Reply } from "../../src/reply.ts";

/**
 * The few words the Feishu adapter shows by itself (everything else comes from the core,
 * already in the reader's language). Typed against the English so neither can miss a string.
 */
const en = {
  errorTitle: "Couldn't do that",
  more: (n: number) => `…and ${n} more`,
  working: "Working on it…",
  done: "Done",
  opened: "Sent below",
  openedPrivately: "Sent to you in a direct message",
  repliedPrivately: "I've replied to you in a direct message.",
  cannotMessageYou: "I couldn't send you a direct message. Open a chat with me and ask there.",
  typeSomething: "Type something first.",
  unknownAction: "This button is out of date. Type the command instead.",
  fixErrors: "Please fix the fields marked below.",
  createAnyway: "Create anyway",
  submit: "Submit",
  failed: "Something went wrong; nothing was saved. Please try again.",
};

const zh: typeof en = {
  errorTitle: "没能完成",
  more: (n) => `……还有 ${n} 项`,
  working: "正在处理……",
  done: "已完成",
  opened: "已在下方发送",
  openedPrivately: "已私信发给你",
  repliedPrivately: "已私信回复你。",
  cannotMessageYou: "没能私信你，请先和我单聊，在单聊里再问一次。",
  typeSomething: "请先填写内容。",
  unknownAction: "这个按钮已过期，请直接输入命令。",
  fixErrors: "请修改下面标出的字段。",
  createAnyway: "仍然新增",
  submit: "提交",
  failed: "出了点问题，没有保存任何内容，请重试。",
};

export type FeishuTexts = typeof en;

export function textsFor(locale: Locale): FeishuTexts {
  return locale === "en" ? en : zh;
}

const CJK = /[\u3400-\u9fff]/;

/**
 * The language of a reply the adapter did not ask for itself (the scheduled jobs' messages): the
 * one the core names (`reply.locale`, set on the morning list and the weekly summary). Only when
 * it names none (a message queued before it did), a guess — labels and titles come from the
 * core's catalog, so Chinese characters there mean Chinese. Customer names, which may be Chinese
 * in an English message, are why the guess is only the fallback.
 */
export function localeOfReply(reply: Reply): Locale {
  // The outbox hands the reply back from JSON: trust a value only if it is a language we have.
  const declared: unknown = reply.locale;
  if (declared === "en" || declared === "zh-CN") return declared;
  const labels = reply.cards.flatMap((c) => [c.title, ...c.fields.map((f) => f.label), ...c.sections.map((s) => s.title), ...c.actions.map((a) => a.label)]);
  return guessLocale(labels.length > 0 ? labels : [reply.text]);
}

export function guessLocale(samples: string[]): Locale {
  return samples.some((s) => CJK.test(s)) ? "zh-CN" : "en";
}
