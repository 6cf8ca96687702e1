import { parsePlaybook } from "../../src/playbook/load-playbook.ts";

/**
 * A playbook whose stages ask for every shape of prerequisite: from a stage of any grade (demo),
 * an approved filing alone (quote), and from several stages, one with listed grades (deal).
 */
export function prerequisiteShapes() {
  return parsePlaybook(
    `
id: shapes
name: { en: Shapes, zh: 形 }
defaultStage: open
stages:
  - id: open
    name: { en: Open, zh: 跟进 }
    kind: open
    grades:
      - { id: A, name: { en: A, zh: A }, criterion: { en: a, zh: a }, cadence: { call: { every: 7 } } }
      - { id: B, name: { en: B, zh: B }, criterion: { en: b, zh: b }, cadence: { call: { every: 9 } } }
    defaultGrade: B
  - { id: demo, name: { en: Demo, zh: 演示 }, kind: open, requires: { from: [{ stage: open }] } }
  - { id: quote, name: { en: Quote, zh: 报价 }, kind: open, requires: { filingApproved: true } }
  - { id: deal, name: { en: Deal, zh: 商谈 }, kind: open, requires: { from: [{ stage: open, grades: [A, B] }, { stage: demo }] } }
  - { id: won, name: { en: Won, zh: 成交 }, kind: won }
  - { id: lost, name: { en: Lost, zh: 战败 }, kind: lost }
`,
    "shapes.yaml",
  );
}
