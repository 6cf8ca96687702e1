/**
 * How long a click on the same button by the same person counts as one: long enough for a
 * double click or a platform's repeated callback, short enough that the button works again.
 */
export const CLICK_WINDOW_MS = 60_000;
