/**
 * What one import may hold. A bigger team splits its file: the whole import is one transaction,
 * and its dry run is kept in the database until the confirm.
 */
export const IMPORT_LIMITS = {
  /** Bytes of the file as sent. */
  maxFileBytes: 10 * 1024 * 1024,
  /** Data rows, the header row not counted. */
  maxRows: 20_000,
  /** Columns of the header row. */
  maxColumns: 60,
  /** Characters of one cell. */
  maxCellChars: 5_000,
} as const;

/** How long a dry run waits for its confirm. */
export const PENDING_IMPORT_TTL_MS = 24 * 3_600_000;
