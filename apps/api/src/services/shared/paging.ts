export interface PageQuery {
  limit: number;
  offset: number;
}
export interface Page<T> {
  items: T[];
  page: { limit: number; offset: number; total: number };
}
export const pageOf = <T>(items: T[], query: PageQuery, total: number): Page<T> => ({
  items,
  page: { limit: query.limit, offset: query.offset, total },
});
