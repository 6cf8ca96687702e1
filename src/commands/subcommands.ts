/** Subcommand names and the words (English and Chinese) that reach them. */
export const SUBCOMMANDS = {
  add: ["新增", "添加", "新建"],
  list: ["列表", "列出", "ls"],
  show: ["查看", "详情"],
  edit: ["修改", "编辑"],
  log: ["跟进", "记录"],
  grade: ["定级", "等级", "分级"],
  stage: ["阶段"],
  won: ["成交"],
  order: ["订单", "下单", "复购"],
  lost: ["战败", "流失"],
  snooze: ["推迟", "延后"],
  due: ["今日", "待办", "到期"],
  file: ["备案"],
  approve: ["批准", "通过"],
  reject: ["驳回"],
  role: ["角色"],
  lang: ["语言", "language"],
  setup: ["设置"],
  report: ["报表", "报告"],
  target: ["目标"],
  help: ["帮助", "?", "？"],
  assign: ["转交", "分配"],
  release: ["释放", "放回公海"],
  pool: ["公海"],
  claim: ["领取", "认领"],
  yes: ["是", "确认", "confirm", "y"],
  nudge: ["催办", "提醒"],
  import: ["导入"],
  export: ["导出"],
} as const satisfies Record<string, readonly string[]>;

export type SubcommandName = keyof typeof SUBCOMMANDS;
export const SUBCOMMAND_NAMES = Object.keys(SUBCOMMANDS) as SubcommandName[];

const BY_WORD = new Map<string, SubcommandName>();
for (const name of SUBCOMMAND_NAMES) {
  BY_WORD.set(name, name);
  for (const alias of SUBCOMMANDS[name]) BY_WORD.set(alias.toLowerCase(), name);
}

export function findSubcommand(word: string): SubcommandName | undefined {
  return BY_WORD.get(word.toLowerCase());
}

/** The words that address the bot: `/prospect`, `prospect`, `客户`, with or without the slash. */
export const COMMAND_PREFIXES = ["prospect", "客户"];
