/**
 * Values read back from JSON built in SQL (json_agg, json_build_object): a statement that
 * returns many small lists in one row is one round trip instead of one per list.
 */

/** A json column as the driver hands it over: already parsed, or its text. */
export function fromJson<T>(value: unknown, empty: T): T {
  if (value === null || value === undefined) return empty;
  return (typeof value === "string" ? JSON.parse(value) : value) as T;
}

/** A timestamp inside JSON: PostgreSQL writes it without a zone, and the stored instants are UTC. */
export function utcFromJson(timestamp: string): Date;
export function utcFromJson(timestamp: string | null): Date | null;
export function utcFromJson(timestamp: string | null): Date | null {
  if (timestamp === null) return null;
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(timestamp) ? timestamp : `${timestamp}Z`);
}
