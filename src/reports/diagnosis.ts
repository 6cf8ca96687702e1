/**
 * The pipeline's shape against the handbook's inverted pyramid, 100 → 10 → 3–4 → 1–2 [000],
 * and the patterns of [004]. Pure: the counts in, the findings out; the words are the catalog's.
 */
export interface ShapeInput {
  /** Open stages, top of the funnel first, with how many customers are in each now. */
  open: { stage: string; count: number }[];
  /** Won and new leads in the period. */
  won: number;
  newLeads: number;
}

export type Finding =
  | { kind: "empty" }
  | { kind: "thinTop"; top: number; middle: number }
  | { kind: "notProspecting"; newLeads: number; won: number }
  | { kind: "stuckMiddle"; stage: string; count: number; won: number }
  | { kind: "weakQualification"; top: number; middle: number }
  | { kind: "healthy" };

/** The pyramid puts 13–14 customers in the middle for every 100 at the top; more than twice that is a thin top. */
const THIN_TOP_PER_100 = 30;
/** Fewer than 5 in the middle per 100 at the top: prospects are not moving up. */
const WEAK_QUALIFICATION_PER_100 = 5;
const WEAK_QUALIFICATION_MIN_TOP = 20;
/** The pyramid needs 50–100 leads per win; fewer than 10 is an order of magnitude short. */
const LEADS_PER_WIN = 10;
/** 3–4 in the last open stage close as 1–2: fewer than one in four closing, with at least 3 waiting, is stuck. */
const STUCK_MIN = 3;
const STUCK_CLOSE_SHARE = 4;

export function diagnose(input: ShapeInput): Finding[] {
  const [top, ...rest] = input.open;
  const topCount = top?.count ?? 0;
  const middle = rest.reduce((sum, s) => sum + s.count, 0);
  if (topCount + middle === 0 && input.newLeads === 0 && input.won === 0) return [{ kind: "empty" }];
  const findings: Finding[] = [];
  if (middle > 0 && middle * 100 > topCount * THIN_TOP_PER_100) findings.push({ kind: "thinTop", top: topCount, middle });
  if (input.won > 0 && input.newLeads < input.won * LEADS_PER_WIN) findings.push({ kind: "notProspecting", newLeads: input.newLeads, won: input.won });
  const last = rest[rest.length - 1];
  if (last && last.count >= STUCK_MIN && input.won * STUCK_CLOSE_SHARE < last.count) {
    findings.push({ kind: "stuckMiddle", stage: last.stage, count: last.count, won: input.won });
  }
  if (topCount >= WEAK_QUALIFICATION_MIN_TOP && middle * 100 < topCount * WEAK_QUALIFICATION_PER_100) {
    findings.push({ kind: "weakQualification", top: topCount, middle });
  }
  return findings.length ? findings : [{ kind: "healthy" }];
}
