import type { SubcommandName } from "../commands/subcommands.ts";
import type { Role } from "../crm/roles.ts";
import type { ActivityKind } from "../domain/channels.ts";
import type { CustomerField } from "../domain/customer-fields.ts";
import { transferEn } from "./transfer-en.ts";
import { reportsEn } from "./reports.en.ts";

const list = (items: string[]) => items.join(", ");
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

type Topic = { usage: string; summary: string; details: string[] };

export const en = {
  transfer: transferEn,
  fields: {
    company: "Company", contact: "Decision-maker", title: "Position", mobile: "Mobile", phone: "Phone", fax: "Fax",
    province: "Province", city: "City", address: "Address", email: "Email", wechat: "WeChat", qq: "QQ",
    website: "Website", size: "Company size", revenue: "Revenue", source: "Source", note: "Note",
    calllog: "Call log", man: "MAN (money, authority, need)", owner: "Owner", filing: "Filing",
    lostReason: "Lost reason", stage: "Stage", grade: "Grade",
  } satisfies Record<CustomerField | string, string>,
  expect: {
    company: "a company name (up to 100 characters)", contact: "the decision-maker's name", title: "their position",
    mobile: "an 11-digit mainland mobile number such as 13800138000", phone: "a phone number such as 0757-2838 8888",
    fax: "a fax number such as 0757-2838 8889", province: "a province such as 广东", city: "a city such as 佛山",
    address: "a street address", email: "an email address such as li@example.com",
    wechat: "a WeChat ID (5–30 letters, digits, _ or -) or a mobile number", qq: "a QQ number (5–12 digits)",
    website: "a web address such as example.com", size: "a size such as 50 people", revenue: "a revenue such as 5M/yr",
    source: "how you found them, e.g. referral, exhibition, Alibaba", note: "any text", calllog: "what was said on the call",
    man: "the letters M, A and/or N (e.g. MA), or none",
  } satisfies Record<CustomerField | "man" | "calllog", string>,
  channels: { call: "Call", sms: "SMS", visit: "Visit", email: "Email", wechat: "WeChat", note: "Note" } satisfies Record<ActivityKind, string>,
  roles: { rep: "rep", director: "director", admin: "admin" } satisfies Record<Role, string>,
  filingStatus: (status: string, note: string | null) =>
    ({ none: "not filed", pending: "waiting for approval", approved: "approved", rejected: `rejected${note ? `: ${note}` : ""}` })[status] ?? status,
  actions: {
    logCall: "Log call", logSms: "Log SMS", logVisit: "Log visit", snooze: (days: number) => `Snooze ${plural(days, "day")}`,
    grade: "Change grade", stage: "Change stage", won: "Mark won", lost: "Mark lost", file: "Submit filing",
    approve: "Approve filing", reject: "Reject filing", open: "Open", reactivate: "Reactivate",
    notePrompt: "What happened?", reasonPrompt: "Why was it lost?", rejectPrompt: "What must the rep fix?",
    addOrder: "Add order", orderPrompt: "Amount and note, e.g. 5万 second batch",
    orderCancelled: "Order cancelled", churned: "Customer churned",
  },
  card: {
    nextTouches: "Next touches",
    missingForFiling: "Missing for filing",
    recentActivity: "Recent activity",
    orders: (n: number, total: string) => `Orders (${n}, ${total})`,
    order: (date: string, amount: string, note: string | null, cancelled: boolean) =>
      `${date} ${amount}${note ? ` — ${note}` : ""}${cancelled ? " (cancelled)" : ""}`,
    amountUnknown: "amount not yet known",
    owners: "Owner history",
    ownerChange: (date: string, from: string, to: string, reason: string | null) => `${date} ${from} → ${to}${reason ? ` (${reason})` : ""}`,
    callLogShort: (have: number, need: number) => `Call log: ${have} of ${need} characters of substance — log what was discussed`,
  },
  add: {
    done: (n: number, company: string) => `Added #${n} ${company}.`,
    formIntro: (required: string, stage: string) =>
      `A new customer starts as ${stage}. Only the ${required.toLowerCase()} is needed to add it; the fields marked "needed for filing" are needed to file it.`,
    // Short: a Slack modal title holds 24 characters.
    formTitle: (_stage: string) => "New customer",
    buyerName: () => "Buyer's name",
    companyIfBuyer: () => "only when a company buys",
    submit: () => "Add",
    neededForFiling: () => "needed for filing",
  },
  edit: {
    done: (n: number) => `Updated #${n}.`,
    refile: (n: number) => `Its filing details changed, so it must be filed again: /prospect file #${n}`,
  },
  log: { done: (channel: string, n: number) => `${channel} logged on #${n}.` },
  classify: { done: (n: number, label: string) => `#${n} is now ${label}.` },
  snooze: { done: (n: number, until: string) => `#${n} snoozed until ${until}.` },
  handover: {
    done: (n: number, to: string) => `#${n} now belongs to ${to}; both reps are told.`,
    received: (customer: string, by: string) => `${by} handed ${customer} over to you.`,
    handedOver: (customer: string, to: string, by: string) => `${by} handed ${customer} over to ${to}.`,
    dryRun: (n: number, from: string, to: string) => `${plural(n, "customer")} of ${from} will go to ${to}. Nothing has moved yet: press Confirm or type yes.`,
    confirmButton: (n: number) => `Confirm: move ${n}`,
    allDone: (n: number, from: string, to: string) => `${plural(n, "customer")} moved from ${from} to ${to}; both are told.`,
    all: (n: number, from: string, to: string, by: string) => `${by} handed ${plural(n, "customer")} of ${from} over to ${to}.`,
    nothingToMove: (from: string) => `${from} owns no customers to hand over.`,
  },
  pool: {
    released: (n: number, company: string) => `#${n} ${company} is back in the shared pool.`,
    claimed: (n: number, company: string) => `#${n} ${company} is yours now.`,
    title: (n: number, filter: string) => `Shared pool${filter ? ` — ${filter}` : ""}: ${plural(n, "customer")}`,
    empty: (filter: string) => `The shared pool is empty${filter ? ` for ${filter}` : ""}.`,
    since: (date: string) => `in the pool since ${date}`,
    claimButton: "Claim",
    reclaimNotice: (customer: string, date: string) => `${customer} goes back to the shared pool on ${date} unless you log a touch before then.`,
    reclaimed: (customer: string, reason: string) => `${customer} went back to the shared pool: ${reason}.`,
    reasonNoTouch: (days: number) => `no touch for ${plural(days, "day")}`,
    reasonUnfiled: (days: number) => `not filed within ${plural(days, "day")}`,
    more: (n: number) => `…and ${n} more; narrow it down: /prospect pool <stage> <grade>`,
  },
  director: {
    title: (name: string, tracked: number, escalated: number, filings: number, reclaiming: number) =>
      `Good morning, ${name}: ${[tracked && `${tracked} tracked overdue`, escalated && `${escalated} escalated`, filings && `${plural(filings, "filing")} waiting`, reclaiming && `${reclaiming} about to return to the pool`].filter(Boolean).join(", ")}.`,
    trackedOverdue: (n: number) => `A-grade intention and selection customers overdue (${n})`,
    escalated: (n: number) => `Overdue past the escalation threshold (${n})`,
    filings: (n: number) => `Filings waiting for approval (${n})`,
    reclaiming: (n: number) => `About to return to the shared pool (${n})`,
    overdueSince: (date: string) => `overdue since ${date}`,
    nudge: "Nudge the rep", reassign: "Reassign", reassignPrompt: "To whom? (@name)",
    escalatedToRep: (customer: string) => `${customer} is overdue past its threshold: your director has been told. Log a touch to clear it.`,
    nudgeNote: (by: string, words: string) => `Nudged by ${by}${words ? `: ${words}` : ""}`,
    nudged: (by: string, customer: string, words: string) => `${by} asks you to follow up ${customer}${words ? `: ${words}` : ""}.`,
    nudgeSent: (name: string, customer: string) => `${name} was reminded about ${customer}.`,
  },
  deal: { orderAdded: (n: number, amount: string) => `Order of ${amount} recorded on #${n}.` },
  filing: {
    submitted: (n: number) => `#${n} submitted for filing; a director will approve it.`,
    approved: (n: number) => `Filing of #${n} approved.`,
    rejected: (n: number, why: string) => `Filing of #${n} rejected: ${why}`,
  },
  role: { done: (name: string, role: string) => `${name} is now ${role}.` },
  lang: { done: () => "I will answer you in English." },
  setup: {
    calendarSet: (kind: string): string =>
      kind === "cn"
        ? "Work calendar: mainland China public holidays and make-up working days (调休). A due date on a day off moves to the next working day, and there is no morning list on days off."
        : "Work calendar off: every day is a working day.",
    channelSet: () => "This channel now gets the weekly summary and the A-grade digest.",
    timeZoneSet: (zone: string) => `The workspace's time zone is now ${zone}: the weekly summary follows it.`,
    localeSet: (locale: string) => `The team channel now gets its messages in ${locale === "en" ? "English" : "Chinese"}.`,
    refreshing: (n: number) => `The due dates of ${plural(n, "more customer")} are being recomputed in the background; lists follow within a minute or two.`,
  },
  list: {
    empty: () => "No customers match.",
    mineTitle: (n: number, filter = "") => `Your customers${filter ? ` · ${filter}` : ""} (${n})`,
    teamTitle: (n: number, filter = "") => `Team customers${filter ? ` · ${filter}` : ""} (${n})`,
    gradeFilter: (grade: string) => `grade ${grade}`,
    ofRep: (name: string, n: number, filter = "") => `${name}'s customers${filter ? ` · ${filter}` : ""} (${n})`,
    nextDue: (date: string) => `next ${date}`,
    dueToday: () => "due today",
    dueSince: (days: number) => `due ${plural(days, "day")} ago`,
    overdue: (days: number) => `⚠ OVERDUE, due ${plural(days, "day")} ago`,
    more: (n: number) => `…and ${n} more. Narrow it down: /prospect list <stage> <grade>`,
  },
  due: {
    nothing: () => "Nothing is due today. Good time to find new prospects: /prospect add",
    summary: (total: number, overdue: number) =>
      `${plural(total, "customer")} to contact today${overdue ? `, ${overdue} overdue` : ""}.`,
    more: (n: number) => `…and ${n} more: work through these, then run /prospect due again.`,
    overdue: (channel: string, days: number) => `${channel}: overdue${days > 0 ? `, due ${plural(days, "day")} ago` : ""}`,
    since: (channel: string, days: number) => `${channel}: due ${plural(days, "day")} ago`,
    today: (channel: string) => `${channel}: due today`,
    upcoming: (channel: string, days: number, date: string) => `${channel}: in ${plural(days, "day")} (${date})`,
    lastTouch: (date: string) => `Last touch ${date}`,
    nothingFor: (name: string) => `Nothing is due today for ${name}.`,
    summaryFor: (name: string, total: number, overdue: number) => `${name}: ${plural(total, "customer")} to contact today${overdue ? `, ${overdue} overdue` : ""}.`,
    teamNothing: () => "Nothing is due today for anyone in the team.",
    teamSummary: (total: number, overdue: number, reps: number) => `The team: ${plural(total, "customer")} to contact today${overdue ? `, ${overdue} overdue` : ""}, across ${plural(reps, "rep")}.`,
    teamByRep: () => "Due today, per rep",
    repCounts: (total: number, overdue: number) => `${total} due${overdue ? ` · ${overdue} overdue` : ""}`,
    neverTouched: () => "Not contacted yet",
  },
  help: {
    /** How a command line starts in examples. */
    command: () => "/prospect",
    title: () => "Prospect commands",
    footer: () => "Refer to a customer as #12, by part of its name (letters in order: Foshan Tx), or by the pinyin initials of a Chinese name (szjc). /prospect help <command> for details. Chinese works too: 客户 帮助",
    topics: {
      add: { usage: "add <company> key=value…", summary: "add a prospect", details: [
        "Keys: company contact title mobile phone fax province city address email wechat qq website size revenue source note calllog grade stage man",
        'Example: /prospect add "Foshan Tuoxin" contact=Li mobile=13800138000 grade=B',
        "Refused when the mobile number or company is already filed, unless force=yes.",
        "With no arguments it opens a form." ] },
      list: { usage: "list [stage] [grade] [mine|team]", summary: "list customers", details: ["Example: /prospect list intention A"] },
      show: { usage: "show <ref>", summary: "show one customer", details: ["Example: /prospect show #12"] },
      edit: { usage: "edit <ref> key=value…", summary: "change fields (key= clears one)", details: ["Example: /prospect edit #12 title=CEO email=li@example.com"] },
      log: { usage: "log <ref> call|sms|visit|email|wechat|note <what happened>", summary: "log a touch", details: ["Example: /prospect log #12 call asked for a quote for 20 units"] },
      grade: { usage: "grade <ref> <grade>", summary: "change the grade", details: ["Example: /prospect grade #12 A"] },
      stage: { usage: "stage <ref> <stage> [grade] [force=yes]", summary: "move to another stage", details: ["Example: /prospect stage #12 intention", "A stage may need the customer to be in a certain stage and grade first, or filed (the default playbook: selection needs an A-grade intention customer with an approved filing). A director may add force=yes; the move is recorded as forced."] },
      won: { usage: "won <ref> [amount]", summary: "mark won: records the first order", details: [
        "Example: /prospect won #12 5万",
        "Amounts: 50000, 50,000, ¥50,000, 5万, 5 万, 5万元, 5.5万, 1.2w, 12k, 五万, 三万五, 十二万. Leave it out if not known yet.",
        "A customer already won takes repeat orders with /prospect order." ] },
      order: { usage: "order <ref> <amount> [note]", summary: "record a repeat order of a won customer", details: [
        "Example: /prospect order #12 3万 second batch of stoves",
        "Revenue is the sum of orders; the repurchase rate counts customers with two or more." ] },
      lost: { usage: "lost <ref> <reason>", summary: "mark lost, with the reason", details: [
        "Example: /prospect lost #12 price",
        "A won customer: say which loss it is. lost #12 cancelled <reason> — the deal fell through: its orders leave revenue and the won count. lost #12 churned <reason> — it bought, then left: the orders stand." ] },
      snooze: { usage: "snooze <ref> <span>", summary: "nothing due on it until then", details: [
        "Example: /prospect snooze #12 2 weeks",
        "Spans: 12h, 2d, 2 days, 1w, 2 weeks, 1 month, 2天, 两天, 12小时, 2周, 一周, 1个月 (at most 90 days). A number needs its unit." ] },
      due: { usage: "due [team|@rep]", summary: "who to contact today", details: ["Overdue first, then the best customers.", "Directors: due team (everyone, per rep and the most urgent), due @rep (one rep's list)."] },
      file: { usage: "file <ref>", summary: "submit the filing to the director", details: ["Needs every required field and a substantive call log."] },
      approve: { usage: "approve <ref>", summary: "approve a filing (directors)", details: [] },
      reject: { usage: "reject <ref> <why>", summary: "reject a filing (directors)", details: [] },
      role: { usage: "role <@user> <rep|director|admin>", summary: "set someone's role (admins)", details: [] },
      lang: { usage: "lang <zh|en>", summary: "choose your language", details: [] },
      setup: { usage: "setup channel | timezone <zone> | lang <zh|en> | calendar <cn|none>", summary: "workspace settings (directors)", details: [
        "setup channel, typed in a channel: the weekly summary goes there (otherwise to each director by direct message).",
        "setup timezone Asia/Shanghai: the zone of the weekly summary; setup lang en: the team channel's language.",
        "setup calendar cn: due dates skip mainland public holidays and weekends, 调休 make-up days are working days, no morning list on days off (the default in a mainland time zone); setup calendar none: every day is a working day." ] },
      report: { usage: "report [week|month|quarter|YYYY-MM] [mine|team|@rep]", summary: "the funnel, movements, §7 figures and charts", details: [
        "Example: /prospect report month team — or report 2026-11 @wang",
        "The period runs to date (default: this month). Reps see their own; directors the team's or one rep's. Charts come as images." ] },
      target: { usage: "target <YYYY-MM> <sales target> [source=share …]", summary: "the monthly lead target (directors)", details: [
        "Example: /prospect target 2026-12 50万 exhibition=40% referral=60%",
        "Leads needed per source = sales target ÷ average deal ÷ the last 3 months' conversion × the source's share (the last 3 months' shares when none are given)." ] },
      help: { usage: "help [command]", summary: "this help", details: [] },
      assign: { usage: "assign <ref> @rep [reason] | assign all @from @to", summary: "hand customers over (directors)", details: [
        "Example: /prospect assign #12 @li moving to the south region",
        "assign all @from @to: a dry run with the count first, then Confirm (or yes). Both reps are told; show lists the owner history." ] },
      release: { usage: "release <ref> <reason>", summary: "put a customer back in the shared pool", details: ["Example: /prospect release #12 no budget this year"] },
      pool: { usage: "pool [stage] [grade]", summary: "the shared pool (公海)", details: ["Example: /prospect pool intention"] },
      claim: { usage: "claim <ref>", summary: "take a customer from the shared pool", details: [
        "Example: /prospect claim #12 — within your holding limit; not a customer you released in the last cooldown days." ] },
      nudge: { usage: "nudge <ref> [words]", summary: "remind the owner by direct message (directors)", details: ["Example: /prospect nudge #12 call them before Friday"] },
      yes: { usage: "yes", summary: "confirm what a dry run asked (within 10 minutes)", details: [] },
      import: { usage: "import", summary: "import customers from an Excel or CSV file", details: [
        "Send the .xlsx or .csv file to the bot in a direct message (console: import <path>); a dry run comes first, then a confirm button.",
        "Directors may add a 负责业务员 (owner) column; a rep imports for themself." ] },
      export: { usage: "export [mine|team] [csv|xlsx]", summary: "export customers to a file", details: [
        "Reps export their own customers, directors the team's. XLSX by default; CSV is UTF-8 with BOM (opens in Chinese Excel)." ] },
    } satisfies Record<SubcommandName, Topic>,
  },
  digest: {
    morning: (name: string, total: number, overdue: number) =>
      `Good morning, ${name}: ${plural(total, "customer")} to contact today${overdue ? `, ${overdue} overdue` : ""}.`,
    more: (n: number) => `…and ${n} more. Send /prospect due for the full list.`,
  },
  weekly: {
    title: (range: string) => `Weekly summary, ${range}`,
    funnel: () => "Funnel now",
    movements: () => "This week's movements",
    new: () => "New", promoted: () => "Promoted", demoted: () => "Demoted", won: () => "Won", lost: () => "Lost", reactivated: () => "Reactivated",
    conversion: () => "Results",
    wonThisWeek: () => "Won this week (new customers)",
    ordersThisWeek: () => "Orders this week (orders · revenue)",
    cancelledThisWeek: () => "Orders cancelled this week",
    conversionRate: () => "Conversion (won ÷ leads, to date)",
    revenue: () => "Revenue to date",
    repurchaseRate: () => "Repurchase (2+ orders ÷ won)",
    averageDeal: () => "Average order (revenue ÷ orders with an amount)",
    lostDetail: (cancelled: number, churned: number) => [cancelled ? `${cancelled} order cancelled` : "", churned ? `${churned} churned` : ""].filter(Boolean).join(", "),
    averageCycle: () => "Average sales cycle",
    days: (n: string) => `${n} days`,
    lostReasons: () => "Lost this week, by reason",
    overdueByRep: () => "Overdue customers per rep",
    grip: () => "The team this week",
    escalated: () => "Escalated", released: () => "Back to the shared pool", claimed: () => "Claimed from the pool", handovers: () => "Handed over",
    compliance: () => "On cadence now, per rep (not overdue ÷ with a cadence)",
    pendingFilings: (n: number) => `Filings waiting for approval (${n})`,
    tracked: (n: number) => `A-grade digest (${n})`,
    lastNext: (last: string, next: string) => `last ${last}, next ${next}`,
    overdue: () => "OVERDUE",
    none: () => "none",
    more: (n: number) => `…and ${n} more`,
  },
  reports: reportsEn,
  home: {
    title: (name: string) => `${name}'s pipeline`,
    pipeline: () => "Pipeline",
  },
  calendar: {
    missingYear: (year: number) =>
      `The mainland holiday calendar has no data for ${year} yet, so from 1 January ${year} due dates and the morning list skip weekends only. Update the chinese-days package (npm update chinese-days) once the State Council has published ${year}'s holidays, and restart the bot.`,
  },
  console: {
    banner: (playbook: string, database: string, user: string) =>
      `Prospect CRM — local console\nPlaybook: ${playbook} · Database: ${database} · You are: ${user}\nType a command such as: add "Foshan Tuoxin" contact=Li mobile=13800138000 — or help. Ctrl-D to quit.`,
    embedded: (dir: string) => `embedded (${dir})`,
    locked: (dir: string, pid: number) =>
      `The embedded database in ${dir} is already open in another process (pid ${pid}): the bot, or a job started from the command line. Only one process may open it at a time. Stop that process first, or set DATABASE_URL to use PostgreSQL, which several processes can share.`,
    failedToStart: (reason: string) => `The bot could not start: ${reason}`,
    stopped: () => "Bye.",
    unknownWorkspace: (w: string) => `There is no workspace "${w}". Give its id or the platform's id (a Slack team id, a Feishu tenant key, or "local" for the console).`,
    jobUsage: () =>
      "Usage: npm run job -- <morning-digest|director-digest|weekly-summary|calendar-notice> [--now <ISO time>] [--workspace <id>]\n  e.g. npm run job -- morning-digest --now 2026-11-24T09:00:00+08:00",
    jobList: (names: string[]) => `Jobs: ${names.join(", ")}\nRun one: npm run job -- <name> [--now <ISO time>] [--workspace <id>]`,
    badNow: (value: string) => `--now "${value}" is not a time. Give an ISO time such as 2026-11-24T09:00:00+08:00.`,
    jobDone: (job: string, r: { queued: number; nothingToSend: number; alreadyDone: number; sent: number; failed: number; waiting: number }) =>
      `${job}: ${r.queued} new message(s), ${r.nothingToSend} with nothing to send, ${r.alreadyDone} already done; sent ${r.sent}, failed ${r.failed}, waiting for a retry ${r.waiting}.`,
    jobFailed: (n: number) => `${n} message(s) could not be delivered; the outbox keeps each one with its error.`,
  },
  errors: {
    unclosedQuote: (q: string) => `A quote ${q} is not closed. Close it, or leave the quotes out.`,
    unknownSubcommand: (word: string) => `I don't know the command "${word}". Type /prospect help for the list.`,
    otherWorkspace: () => "This card belongs to another workspace: you can only act on your own workspace's customers.",
    missingRef: () => "Which customer? Give its number like #12, or part of its name.",
    noSuchNumber: (n: number) => `There is no customer #${n}. /prospect list shows yours.`,
    notYours: (n: number) => `#${n} is not one of your customers: only its owner or a director can see or change it.`,
    noMatch: (fragment: string) => `No customer of yours matches "${fragment}". Try its number (#12) or /prospect list.`,
    ambiguous: (fragment: string, candidates: string[], more: number) =>
      `"${fragment}" matches several customers; use the number:\n${candidates.join("\n")}${more ? `\n…and ${more} more` : ""}`,
    candidate: (n: number, company: string, contact: string | null) => `#${n} ${company}${contact ? ` (${contact})` : ""}`,
    unknownKey: (key: string, keys: readonly string[]) => `Unknown field "${key}". Fields: ${list([...keys])}.`,
    required: (field: string) => `${field} is required.`,
    badField: (field: string, value: string, expected: string) => `${field}: "${value}" is not valid — expected ${expected}.`,
    badStage: (word: string, stages: string[]) => `"${word}" is not a stage. Stages: ${list(stages)}.`,
    stageHasNoGrades: (stage: string) => `${stage} has no grades.`,
    badGrade: (word: string, stage: string, grades: string[]) => `"${word}" is not a grade of ${stage}. Grades: ${list(grades)}.`,
    duplicate: (n: number, owner: string, byMobile: boolean, filed = true) =>
      `${filed ? "Already filed" : "Already on record"} as #${n} (owner: ${owner}) — same ${byMobile ? "mobile number" : "company"}. Ask ${owner} or a director, or add force=yes if it really is a different customer.`,
    companyTwice: () => "Give the company either first or as company=…, not both.",
    missingChannel: (kinds: string[]) => `How did you contact them? One of: ${list(kinds)}.`,
    badChannel: (word: string, kinds: string[]) => `"${word}" is not a way of contact. Use one of: ${list(kinds)}.`,
    missingNote: (channel: string) => `Say what happened on the ${channel.toLowerCase()}, e.g. "asked for a quote, call back Friday".`,
    tooLong: (field: string, max: number) => `${field} is too long (at most ${max} characters).`,
    missingGrade: () => "Which grade? e.g. /prospect grade #12 A",
    missingStage: () => "Which stage? e.g. /prospect stage #12 intention",
    useLost: (n: number) => `To mark #${n} lost, give the reason: /prospect lost #${n} <reason>`,
    badAmount: (part: string, text: string) =>
      `I could not read "${part}"${part !== text ? ` in "${text}"` : ""} as an amount. Write it like 50000, 50,000, ¥5万, 5.5万, 1.2w, 12k or 三万五.`,
    missingAmount: (n: number) => `How much was the order? e.g. /prospect order #${n} 3万 second batch`,
    alreadyWon: (n: number) => `#${n} is already won. Record a repeat order with /prospect order #${n} <amount>.`,
    orderNeedsWon: (n: number) => `#${n} is not won yet: its first order is recorded with /prospect won #${n} <amount>.`,
    wonIsClosed: (n: number) => `#${n} is won and its orders stand. If the deal fell through: /prospect lost #${n} cancelled <reason>; if the customer left after buying: /prospect lost #${n} churned <reason>.`,
    alreadyLost: (n: number) => `#${n} is already lost. To work on it again, move it to an open stage: /prospect stage #${n} <stage>.`,
    lostAfterWon: (n: number) => `#${n} is won: say which loss it is. /prospect lost #${n} cancelled <reason> — the deal fell through, its orders leave revenue; /prospect lost #${n} churned <reason> — it bought and then left, the orders stand.`,
    newCustomerLost: () => "A new customer cannot start as lost: add it, then mark it lost with a reason.",
    sameOwner: (n: number, name: string) => `#${n} already belongs to ${name}.`,
    inPool: (n: number) => `#${n} is in the shared pool: claim it first (/prospect claim #${n}), or a director can assign it.`,
    notInPool: (n: number) => `#${n} is not in the shared pool.`,
    missingReleaseReason: () => "Say why it goes back to the pool, e.g. /prospect release #12 no budget this year",
    holdingLimit: (held: number, limit: number) => `You already hold ${held} open customers, the limit is ${limit}: release or close some before claiming more.`,
    cooldown: (n: number, until: string) => `You released #${n} recently; you can claim it again from ${until}.`,
    nothingPending: () => "There is nothing waiting for your yes (or it expired after 10 minutes): run the command again.",
    assignUsage: () => "Usage: /prospect assign #12 @rep [reason] — or /prospect assign all @from @to",
    claimNeedsNumber: () => "Claim a pooled customer by its number, e.g. /prospect claim #12 (see /prospect pool).",
    badDueFilter: (word: string) => `"${word}" is not "team" or a person (@name).`,
    badPoolFilter: (word: string) => `"${word}" is not a stage or a grade.`,
    unreadWords: (words: string) => `I could not read "${words}": this command takes nothing there. Check /prospect help.`,
    spanTooLong: (max: number) => `That is too far ahead: snooze for at most ${max} days.`,
    missingLostReason: (reasons: string[]) => `Why was it lost? Give a reason${reasons.length ? `, e.g. ${list(reasons)}` : ""}.`,
    badDuration: (part: string, text: string, max: number) =>
      `${part ? `I could not read "${part}"${part !== text ? ` in "${text}"` : ""} as a span of time. ` : "How long? "}Write it like 2d, 2 days, 12h, 1w, 2 weeks, 1 month, 两天, 2周 or 1个月 (at most ${max} days).`,
    badListFilter: (word: string) => `"${word}" is not a stage, a grade, "mine" or "team".`,
    teamIsForDirectors: () => "Only directors see the whole team's customers.",
    nothingToEdit: () => "Nothing to change: add key=value pairs, e.g. /prospect edit #12 title=CEO",
    filingPending: (n: number) => `#${n} is already waiting for approval.`,
    filingApproved: (n: number) => `#${n} is already filed.`,
    filingIncomplete: (n: number, missing: string[], callLog: { have: number; need: number } | null) =>
      [`#${n} cannot be filed yet.`, missing.length ? `Missing: ${list(missing)}.` : "",
        callLog ? `The call log has ${callLog.have} characters of substance (punctuation and spaces do not count); it needs at least ${callLog.need}: log what was discussed with /prospect log #${n} call …` : ""]
        .filter(Boolean).join(" "),
    filingNotPending: (n: number) => `#${n} has no filing waiting for approval.`,
    missingRejectReason: () => "Say what the rep must fix, e.g. /prospect reject #12 the mobile number is the front desk",
    directorsOnly: () => "Only a director can do this.",
    adminsOnly: () => "Only an admin can do this.",
    roleUsage: (roles: string[]) => `Usage: /prospect role @someone <${roles.join("|")}>`,
    badRole: (word: string, roles: string[]) => `"${word}" is not a role. Roles: ${list(roles)}.`,
    noSuchUser: (who: string) => `I don't know ${who} yet: they must send the bot a command first.`,
    ambiguousUser: (who: string, people: string[]) => `Several people are called ${who}: ${list(people)}. Use their id (the part in brackets).`,
    lastAdmin: () => "This is the workspace's last admin; make someone else admin first.",
    setupUsage: () => "Usage: /prospect setup channel (typed in the channel that should get the weekly summary) | setup timezone Asia/Shanghai | setup lang zh|en | setup calendar cn|none",
    badCalendar: (word: string) => `"${word}" is not a work calendar. Use cn (mainland public holidays and 调休) or none (every day is a working day).`,
    prerequisites: (n: number, stage: string, missing: string[], canForce: boolean) =>
      `#${n} cannot move to ${stage} yet: ${list(missing)}.${canForce ? " If you are sure, add force=yes; the move is recorded as forced." : " Ask a director if it must move anyway."}`,
    prerequisitesNew: (stage: string, missing: string[], way: "force" | "askDirector" | "none") =>
      `A new customer cannot start as ${stage}: ${list(missing)}. Add it at an earlier stage and move it once it qualifies.${
        way === "force" ? " If you are sure, add force=yes; it is recorded as forced." : way === "askDirector" ? " Ask a director if it must start there." : ""}`,
    needsFrom: (allowed: string[], current?: string) => `it must be ${allowed.join(" or ")} first${current ? ` (it is ${current})` : ""}`,
    needsFilingApproved: (status?: string) => `its filing must be approved by a director${status ? ` (it is ${status})` : ""}`,
    badTimeZone: (zone: string) => `"${zone}" is not a time zone. Use an IANA name such as Asia/Shanghai or America/New_York.`,
    setupNeedsChannel: () => "Type this in the team channel that should get the weekly summary.",
    badLocale: (word: string) => `"${word}" is not a language I speak. Use zh or en.`,
    internal: (ref: string) => `Something went wrong on our side and nothing was saved. Try again; if it keeps failing, tell your admin (ref ${ref}).`,
  },
  /** Input refused before it reaches a command, and answers under load. */
  limits: {
    tooLong: (length: number, max: number) => `That command is ${length} characters long; the most I read is ${max}. Shorten it (a long call note can go in several log entries).`,
    controlCharacter: (code: string, position: number) => `The command contains an invisible control character (${code}) at character ${position}. Type it again without it.`,
    brokenCharacter: (position: number) => `The command contains a broken character at character ${position} (half of an emoji or a symbol?). Type it again.`,
    noSuchNumber: (digits: string) => `There is no customer #${digits}. /prospect list shows yours.`,
    mobileAsRef: (digits: string) => `${digits} looks like a mobile number. Name the customer by its number (#12) or by part of its company or contact name.`,
    busy: () => "I'm handling a lot of requests right now and could not answer in time. Nothing was saved; please try again in a minute.",
  },
};
