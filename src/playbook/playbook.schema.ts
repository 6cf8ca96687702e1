import { z } from "zod";
import { TOUCH_CHANNELS } from "../domain/channels.ts";
import type { CustomerField } from "../domain/customer-fields.ts";
import type { WorkCalendar } from "../calendar/work-calendar.ts";
import { checkPlaybook } from "./playbook.checks.ts";
import { checkDirectorRules, escalationSchema, poolSchema } from "./director.schema.ts";

/**
 * A sales playbook is data: another team's stages, grades and cadences are a config change,
 * not code. Objects are strict so a misspelt key (`cadance:`) fails loudly instead of being
 * dropped and silently leaving a grade with no follow-ups. Messages are written for the admin
 * who edits the YAML; `load-playbook.ts` prefixes them with the file and the field path.
 */

/** Customer fields a playbook may require before a prospect can be filed (备案). */
export const FILING_FIELDS = [
  "company", "contact", "title", "mobile", "phone", "fax", "province", "city", "address",
  "email", "wechat", "qq", "website", "size", "revenue", "source",
] as const satisfies readonly CustomerField[];
export type FilingField = (typeof FILING_FIELDS)[number];

export const STAGE_KINDS = ["open", "won", "lost"] as const;
export type StageKind = (typeof STAGE_KINDS)[number];

// Whole days only: a cadence is something a rep plans a week around, and fractions of a day
// would read as precision the playbooks never had.
const wholeDays = (min: 0 | 1) => {
  const expected = min === 1 ? "expected a positive number of days" : "expected a number of days (0 or more)";
  return z.number({ error: expected }).int({ error: expected }).min(min, { error: expected });
};

const text = z.string().trim().min(1, { error: "must not be empty" });

export const localizedTextSchema = z.strictObject({ en: text, zh: text });

/** Lowercase because reps type these ids in commands; dashes keep multi-word ids readable. */
const lowerId = z.string().regex(/^[a-z][a-z0-9-]*$/, {
  error: "expected a lowercase id of letters, digits and dashes, such as potential",
});

const gradeId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/, {
  error: "expected a short code of letters or digits, such as A",
});

export const cadenceRuleSchema = z
  .strictObject({
    every: wholeDays(1).optional(),
    overdueAfter: wholeDays(1).optional(),
    firstAfter: wholeDays(0).optional(),
    at: z.array(wholeDays(0)).min(1, { error: "expected at least one offset in days" }).optional(),
  })
  .superRefine((rule, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (rule.every === undefined && rule.at === undefined) {
      ctx.addIssue({
        code: "custom",
        message: "expected either every (days between touches) or at (days after entering the stage)",
      });
    }
    if (rule.every !== undefined && rule.at !== undefined) {
      issue("at", "give either every or at, not both");
      return;
    }
    if (rule.at !== undefined) {
      // An `at` rule is a fixed calendar from the stage entry: "first" and the overdue bound
      // are already implied by the offsets and the playbook's overdueGraceDays.
      if (rule.firstAfter !== undefined) {
        issue("firstAfter", "only allowed with every; the first offset in at already says when the first touch is due");
      }
      if (rule.overdueAfter !== undefined) {
        issue("overdueAfter", "only allowed with every; an at touch becomes overdue overdueGraceDays after its offset");
      }
      rule.at.forEach((offset, i) => {
        const previous = rule.at?.[i - 1];
        if (previous !== undefined && offset <= previous) {
          ctx.addIssue({ code: "custom", path: ["at", i], message: `expected offsets in increasing order (after ${previous})` });
        }
      });
    }
    if (rule.every !== undefined && rule.overdueAfter !== undefined && rule.overdueAfter < rule.every) {
      issue("overdueAfter", `expected at least every (${rule.every}) days: a touch cannot be overdue before it is due`);
    }
  });

/** Keys are touch channels; the loader turns an unknown key into "unknown channel". */
export const cadenceSchema = z.partialRecord(z.enum(TOUCH_CHANNELS), cadenceRuleSchema);

export const gradeSchema = z.strictObject({
  id: gradeId,
  name: localizedTextSchema,
  criterion: localizedTextSchema,
  cadence: cadenceSchema,
});

/**
 * What a customer must be before entering a stage ([000]: selection follows an A-grade
 * intention customer with an approved filing). A director may override with `force=yes`.
 */
export const prerequisitesSchema = z.strictObject({
  /** The stages (and grades, if listed) the customer may come from. */
  from: z
    .array(z.strictObject({ stage: lowerId, grades: z.array(gradeId).default([]) }))
    .min(1, { error: "expected at least one stage to come from" })
    .optional(),
  /** The filing (备案) must have been approved by a director. */
  filingApproved: z.boolean().default(false),
});

export const stageSchema = z.strictObject({
  id: lowerId,
  name: localizedTextSchema,
  aliases: z.array(text).default([]),
  kind: z.enum(STAGE_KINDS, {
    error: (iss) => (iss.input === undefined ? "is required: open, won or lost" : "expected open, won or lost"),
  }),
  /** Best first: A before D. Empty when the stage is not graded. */
  grades: z.array(gradeSchema).default([]),
  defaultGrade: gradeId.optional(),
  /** Only for ungraded stages; a graded stage takes its cadence from its grades. */
  cadence: cadenceSchema.default({}),
  /** Every customer in the stage appears in the director's digest. */
  tracked: z.boolean().default(false),
  /** Only customers of these grades appear in the director's digest. */
  trackedGrades: z.array(gradeId).default([]),
  requires: prerequisitesSchema.optional(),
});

export const lostReasonSchema = z.strictObject({
  id: lowerId,
  name: localizedTextSchema,
  aliases: z.array(text).default([]),
});

export const filingSchema = z.strictObject({
  required: z.array(z.enum(FILING_FIELDS)).default([]),
  /** Absent: filing needs no call log. */
  callLog: z
    .strictObject({
      channels: z.array(z.enum(TOUCH_CHANNELS)).min(1, { error: "expected at least one channel" }),
      /** Characters that carry meaning (letters, digits, 汉字); punctuation and spaces do not count. */
      minChars: z.number().int().min(0, { error: "expected a number of characters (0 or more)" }),
    })
    .optional(),
});

export const playbookSchema = z
  .strictObject({
    id: lowerId,
    name: localizedTextSchema,
    description: localizedTextSchema.optional(),
    overdueGraceDays: wholeDays(0).default(3),
    /** A touch on the key channel also counts for the listed ones (a visit is a call and an SMS too). */
    countsAs: z.partialRecord(z.enum(TOUCH_CHANNELS), z.array(z.enum(TOUCH_CHANNELS))).default({}),
    stages: z.array(stageSchema).min(3, { error: "expected at least an open, a won and a lost stage" }),
    defaultStage: lowerId,
    filing: filingSchema.default({ required: [] }),
    /**
     * Customers may be private persons (a car buyer): `add 王先生 手机=…` names the person, who is
     * also the contact, and two buyers of the same name are told apart by mobile, not by name.
     */
    individualBuyers: z.boolean().default(false),
    lostReasons: z.array(lostReasonSchema).default([]),
    pool: poolSchema.default(() => poolSchema.parse({})),
    escalation: escalationSchema.default([]),
  })
  .superRefine(checkPlaybook)
  .superRefine(checkDirectorRules);

export type CadenceRule = z.output<typeof cadenceRuleSchema>;
export type Cadence = z.output<typeof cadenceSchema>;
export type Grade = z.output<typeof gradeSchema>;
export type Stage = z.output<typeof stageSchema>;
export type LostReason = z.output<typeof lostReasonSchema>;
export type Filing = z.output<typeof filingSchema>;
export type Prerequisites = z.output<typeof prerequisitesSchema>;
/**
 * A playbook as a workspace runs it: the rules of the file, plus the workspace's work calendar
 * (`setup calendar`). The file is per process and the calendar per workspace, but every
 * cadence computation already receives the playbook, so this is where the calendar travels.
 */
export type Playbook = z.output<typeof playbookSchema> & { workCalendar?: WorkCalendar };
/** What a playbook file may omit (defaults filled in by the schema). */
export type PlaybookInput = z.input<typeof playbookSchema>;
