/** What a strict parser answers: the value, or the part of the input it could not read. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; unread: string };

export function unread(part: string): { ok: false; unread: string } {
  return { ok: false, unread: part };
}
