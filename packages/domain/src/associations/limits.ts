/** Lengths of an association's texts; the API and the pages share them. */
export const ASSOCIATION_NAME_MAX = 160;
export const ASSOCIATION_DESCRIPTION_MAX = 4000;

/**
 * An association's logo goes through the venue photos' pipeline (decision 011) and is kept
 * at one width (never enlarged): enough for the public page and the directory card on a
 * dense screen.
 */
export const LOGO_WIDTHS = [512] as const;
