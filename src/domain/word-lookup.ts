/**
 * A lookup of typed words (any case, spaces around them ignored) in a fixed table. A Map, not an
 * object: a typed word such as `constructor` must not find Object.prototype's keys.
 */
export function wordLookup<T>(table: Record<string, T>): (word: string) => T | undefined {
  const words = new Map(Object.entries(table));
  return (word) => words.get(word.trim().toLowerCase());
}
