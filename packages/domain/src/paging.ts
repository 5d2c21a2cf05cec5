/** Limits of a page of results, shared by the API's schemas and the pages that ask for them. */
export const PAGING = { maxLimit: 100, maxOffset: 10_000 } as const;
