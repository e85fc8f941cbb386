/** The pager under a list: where it is, and the links to its neighbours (null at either end). */
export interface PagingView {
  page: number;
  pages: number;
  previousHref: string | null;
  nextHref: string | null;
  shown: boolean;
}

/** `query` is the list's address without `page`; the links keep every other parameter. */
export function pagingView(path: string, query: Record<string, string | undefined>, page: number, limit: number, total: number): PagingView {
  const pages = Math.max(1, Math.ceil(total / limit));
  const href = (target: number) => listHref(path, query, target);
  return {
    page,
    pages,
    previousHref: page > 1 ? href(Math.min(page - 1, pages)) : null,
    nextHref: page < pages ? href(page + 1) : null,
    shown: pages > 1,
  };
}

/** The address of one page of a list: its non-empty parameters, and `page` past the first. */
export function listHref(path: string, query: Record<string, string | undefined>, page: number): string {
  const parameters = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value) parameters.set(name, value);
  if (page > 1) parameters.set('page', String(page));
  const search = parameters.toString();
  return search ? `${path}?${search}` : path;
}

/** A page number from a query string: anything but a whole number from 1 up is the first page. */
export function pageNumber(value: unknown): number {
  const page = typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : 1;
  return page >= 1 ? page : 1;
}
