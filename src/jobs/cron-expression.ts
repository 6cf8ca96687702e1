import cron from "node-cron";

/** Whether node-cron accepts the expression; config checks it without loading the scheduler. */
export function isValidCron(expression: string): boolean {
  return cron.validate(expression);
}
