import type { Locale } from "../../src/domain/localized.ts";

/**
 * The few words the Slack adapter shows on its own (modal chrome, notices). Everything else a
 * person reads comes from the core, already in their language.
 */
const en = {
  submit: "Submit",
  cancel: "Cancel",
  close: "Close",
  note: "Note",
  createAnyway: "Create anyway — it really is a different customer",
  duplicate: "Possible duplicate",
  working: "Working on it…",
  done: "Done",
  more: (n: number) => `…and ${n} more`,
  newProspect: "New customer",
  expired: "This button no longer works. Run the command again.",
  cannotOpen: "Could not open the form in time. Press the button below to open it.",
  openFailed: "Slack did not let us open the window in time. Please press the button again.",
  failed: "Something went wrong on our side. Please try again.",
};

export type SlackStrings = typeof en;

const zh: SlackStrings = {
  submit: "提交",
  cancel: "取消",
  close: "关闭",
  note: "备注",
  createAnyway: "仍然新增（确属不同客户）",
  duplicate: "疑似重复",
  working: "正在处理……",
  done: "完成",
  more: (n: number) => `……还有 ${n} 条`,
  newProspect: "新增客户",
  expired: "这个按钮已失效，请重新执行命令。",
  cannotOpen: "未能及时打开表单，请点下面的按钮打开。",
  openFailed: "Slack 没能及时打开窗口，请再点一次按钮。",
  failed: "我们这边出了点问题，请稍后再试。",
};

/** The product's default language is Chinese, as in the core. */
export function slackStrings(locale: Locale | undefined): SlackStrings {
  return locale === "en" ? en : zh;
}
