import type { Locale } from "../../src/domain/localized.ts";

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
  working: "正在处理…",
  done: "已完成",
  opened: "已在下方发送",
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
 * The language of a reply the adapter did not ask for itself (the scheduled jobs' messages):
 * labels and titles come from the core's catalog, so Chinese characters there mean Chinese.
 */
export function guessLocale(samples: string[]): Locale {
  return samples.some((s) => CJK.test(s)) ? "zh-CN" : "en";
}
