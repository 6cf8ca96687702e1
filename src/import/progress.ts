/**
 * When an import tells how far it got. Below `minRows` it is done within a couple of seconds
 * and says nothing until its answer. From `minRows` on, the dry run says once that the file is
 * read and being checked, and the confirm reports each quarter of the rows written (2,500,
 * 5,000 and 7,500 of 10,000): at most four messages, whatever the size, so a chat is not
 * flooded and Slack's response_url (five uses) still has one left for the answer. Row counts,
 * not a timer: the same file reports the same way on a fast and a slow database.
 */
export const IMPORT_PROGRESS = {
  minRows: 2_000,
  parts: 4,
} as const;

/** The row counts at which a write of `total` rows reports: none for a small import. */
export function progressMarks(total: number): number[] {
  if (total < IMPORT_PROGRESS.minRows) return [];
  const marks = new Set<number>();
  for (let part = 1; part < IMPORT_PROGRESS.parts; part++) marks.add(Math.round((total * part) / IMPORT_PROGRESS.parts));
  return [...marks].filter((n) => n > 0 && n < total).sort((a, b) => a - b);
}
