import type { reportsEn } from "./reports.en.ts";

/**
 * A period's ISO label (2026-W49, 2026-12, 2026-Q4) in the words of the range beside it
 * (2026年第49周, 2026年12月, 2026年第4季度): one date format within a line (issue #9).
 */
function zhPeriod(label: string): string {
  const [, year, kind, n] = /^(\d{4})-(W|Q)?(\d{1,2})$/.exec(label) ?? [];
  if (!year) return label;
  if (kind === "W") return `${year}年第${Number(n)}周`;
  if (kind === "Q") return `${year}年第${Number(n)}季度`;
  return `${year}年${Number(n)}月`;
}

/** 报表与月度客源目标（issue 11）。 */
export const reportsZh: typeof reportsEn = {
  title: (scope, period) => `报表：${scope}，${period}`,
  team: () => "团队",
  periodWeek: (label, range, toDate) => `${zhPeriod(label)}（${range}${toDate ? "，截至目前" : ""}）`,
  periodMonth: (label, range, toDate) => `${zhPeriod(label)}（${range}${toDate ? "，截至目前" : ""}）`,
  periodQuarter: (label, range, toDate) => `${zhPeriod(label)}（${range}${toDate ? "，截至目前" : ""}）`,
  funnel: () => "当前漏斗",
  movements: () => "本期变动",
  results: () => "本期成果",
  newLeads: () => "新增客源",
  wonInPeriod: () => "成交（新客户，订单仍有效）",
  orders: () => "订单笔数 · 金额",
  averageDeal: () => "平均成交额（销售额 ÷ 有金额的订单数）",
  cancelled: () => "退单",
  metrics: () => "管理指标",
  conversion3m: (range) => `近三个月成交率（${range}：成交 ÷ 新增客源）`,
  revenueToDate: () => "截至期末累计销售额",
  repurchaseRate: () => "复购率（两单及以上的客户 ÷ 成交客户）",
  averageCycle: () => "平均销售周期",
  days: (n) => `${n} 天`,
  lostReasons: () => "本期战败原因",
  sources: () => "新增客源（按来源）",
  noSource: () => "（未填来源）",
  reps: () => "业务员明细",
  repLine: (r) =>
    `${r.name}：新增 ${r.newLeads} · 电话 ${r.calls} · 短信 ${r.sms} · 拜访 ${r.visits} · 备案 ${r.filings} · 成交 ${r.wins} · 按时跟进 ${r.compliance}`,
  diagnosis: () => "诊断",
  shape: (stages, won) => `当前 ${stages}；本期成交 ${won}（手册的倒金字塔：100 → 10 → 3–4 → 1–2）。`,
  finding: {
    empty: () => "还没有客户：请先新增潜在客户。",
    thinTop: (top, middle) => `顶部太薄：顶层 ${top} 个，下面各阶段共 ${middle} 个，而金字塔顶层约是下面的 7 倍——要多开发新客户。`,
    notProspecting: (newLeads, won) => `成交多、新客源少（新增 ${newLeads}，成交 ${won}；金字塔每成交一单需要 50–100 个客源）：团队没有在开发新客户，后续会断档。`,
    stuckMiddle: (stage, count, won) => `卡在中间：${stage} ${count} 个，成交只有 ${won} 个——方案没有落地，请与业务员一起复盘。`,
    weakQualification: (top, middle) => `客户没有往上走：顶层 ${top} 个，往上只有 ${middle} 个——用 MAN（资金、决策权、需求）筛选，并按节奏跟进。`,
    healthy: () => "漏斗形状符合手册的倒金字塔。",
  },
  targetTitle: (month) => `${month} 客源目标`,
  targetSales: (target, revenue) => `销售目标 ${target} · 目前销售额 ${revenue}`,
  targetLine: (source, needed, current, gap, share) => `${source}（${share}）：需要 ${needed}，已有 ${current}，缺口 ${gap}`,
  chartsAttached: (n) => `附图 ${n} 张。`,
  chart: {
    funnel: (scope, period) => `销售漏斗：${scope}，${period}`,
    trend: (scope) => `近 12 周新增、成交、战败：${scope}`,
    reps: (period) => `业务员对比：${period}`,
    new: () => "新增",
    won: () => "成交",
    lost: () => "战败",
    newLeads: () => "新增客源",
    calls: () => "电话",
    visits: () => "拜访",
  },
  plan: {
    done: (month) => `${month} 客源目标已保存。`,
    salesTarget: (amount) => `销售目标 ${amount}`,
    basis: (range, averageDeal, rate, deals, leads) => `依据 ${range}：平均成交额 ${averageDeal}，成交率 ${rate}。需成交 ${deals} 单 → 需要客源 ${leads} 个。`,
    sharesFromHistory: () => "各来源占比：近三个月的客源结构。",
    sharesGiven: () => "各来源占比：按你给的。",
  },
  errors: {
    badScope: (word) => `“${word}”既不是期间（本周、本月、本季度、2026-11），也不是对象（我的、团队、@某人）。`,
    futureMonth: (month) => `${month} 还没开始，没有可报的数据。`,
    repsSeeOwn: () => "业务员只能看自己的报表：客户 报表 [本周|本月|本季度|2026-11] 我的",
    twoPeriods: () => "只能给一个期间。",
    targetUsage: () => "用法：客户 目标 <年-月> <销售目标> [来源=占比 …]，例如 客户 目标 2026-12 50万 展会=40% 推荐=60%",
    badMonth: (word) => `“${word}”不是月份，请写成 2026-12。`,
    pastMonth: (month) => `${month} 已经过去，请为本月或以后的月份设目标。`,
    badShare: (source, value) => `“${source}”的占比“${value}”不是百分比，请写成 40%（或 0.4）。`,
    sharesSum: (total) => `各来源占比合计 ${total}，必须等于 100%。`,
    noLeads: (range) => `近三个月（${range}）没有新增客源，没有成交率可以计算目标。`,
    noWins: (range, leads) => `近三个月（${range}）的 ${leads} 个客源没有一个成交，没有成交率可以计算目标。`,
    noOrders: (range) => `近三个月（${range}）没有带金额的订单，没有平均成交额可以计算目标。请在成交/订单时填写金额。`,
  },
};
