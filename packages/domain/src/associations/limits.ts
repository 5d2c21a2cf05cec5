/** Lengths of an association's texts; the API and the pages share them. */
export const ASSOCIATION_NAME_MAX = 160;
export const ASSOCIATION_DESCRIPTION_MAX = 4000;
