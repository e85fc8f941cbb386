import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const MAX_PAGE_SIZE = 500;
/** Far past any organization's last page, and low enough that `(page - 1) * limit` stays exact. */
export const MAX_PAGE = 10_000_000;

export class PageQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'page must be a whole number' })
  @Min(1, { message: 'page starts at 1' })
  @Max(MAX_PAGE, { message: `page must be at most ${MAX_PAGE}` })
  page = 1;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1, { message: 'limit must be at least 1' })
  @Max(MAX_PAGE_SIZE, { message: `limit must be at most ${MAX_PAGE_SIZE}` })
  limit = 50;
}

export interface Page<T> {
  items: T[];
  page: number;
  limit: number;
  total: number;
}
