/** A srcset from an image's stored renditions (the API's `sources`, narrowest first). */
export const srcsetOf = (sources: readonly { url: string; width: number }[]): string =>
  sources.map((s) => `${s.url} ${s.width}w`).join(', ');

/**
 * The widths the pages draw images at, as `sizes`, matching app.css: a card's picture is
 * 8rem wide (5rem under 30rem); the event page's is the text's width, at most 40rem.
 */
export const CARD_IMAGE_SIZES = '(min-width: 30rem) 8rem, 5rem';
export const EVENT_IMAGE_SIZES = '(min-width: 42rem) 40rem, calc(100vw - 2rem)';
