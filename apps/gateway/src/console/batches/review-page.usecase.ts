import { Injectable } from '@nestjs/common';
import { type BatchRowView, ErrorCode, type Locale, type MemberBatchView, MembersRpc } from '@app/contracts';
import { MembersRpcClient } from '@app/messaging';
import type { AdminPrincipal } from '../../auth/admin-principal';
import { pagingView, type PagingView } from '../pages/paging';
import { problemWords } from '../pages/problem-words';
import type { RowEdit } from './row-edit';
import { problemsFirstReads, type RowsRead } from './review-slices';

export const ROWS_PER_PAGE = 50;

export const REVIEW_FILTERS = ['all', 'problems', 'ready'] as const;
export type ReviewFilter = (typeof REVIEW_FILTERS)[number];

export function reviewFilter(value: unknown): ReviewFilter {
  return REVIEW_FILTERS.find((filter) => filter === value) ?? 'all';
}

interface ReviewRowView {
  id: string;
  line: number;
  email: string;
  accountName: string | null;
  otherSuggestions: string[];
  firstName: string;
  lastName: string;
  passwordSet: boolean;
  hasProblems: boolean;
  /** The address belongs to a verified personal account: the commit invites it, and nothing of the row can be edited. */
  invitation: boolean;
  /** The directory disabled the account: the row offers to add it anyway. */
  disabledInDirectory: boolean;
  problems: string[];
  notices: string[];
  saved: boolean;
  /** The admin's refused change, shown open on the row it was made on (`change` is empty on the other rows). */
  edit: { change: RowEdit['change'] | ''; problem: string; accountName: string; firstName: string; lastName: string; suggestions: string[] };
}

export interface ReviewPageView {
  batch: MemberBatchView;
  show: ReviewFilter;
  filters: { value: ReviewFilter; label: string; href: string; current: boolean }[];
  rows: ReviewRowView[];
  paging: PagingView;
  page: number;
  canCommit: boolean;
  hasErrorReport: boolean;
  ignoredColumns: string;
}

const FILTER_LABELS: Record<ReviewFilter, string> = { all: 'review.showAll', problems: 'review.showProblems', ready: 'review.showReady' };

/**
 * One page of a batch under review, rows with problems first: what the admin reads, with each
 * row's problems in words and, after a refused change, that change and why.
 */
@Injectable()
export class ReviewPageUseCase {
  constructor(private readonly members: MembersRpcClient) {}

  async execute(admin: AdminPrincipal, batch: MemberBatchView, options: { show: ReviewFilter; page: number; locale: Locale; saved?: string; edit?: RowEdit }): Promise<ReviewPageView> {
    const { show, page, locale } = options;
    const total = show === 'problems' ? batch.counts.invalid : show === 'ready' ? batch.counts.valid : batch.counts.invalid + batch.counts.valid;
    const reads: RowsRead[] =
      show === 'all'
        ? problemsFirstReads(batch.counts.invalid, page, ROWS_PER_PAGE)
        : [{ status: show === 'problems' ? 'invalid' : 'valid', page, limit: ROWS_PER_PAGE, skip: 0, take: ROWS_PER_PAGE }];
    const pages = await Promise.all(reads.map((read) => this.members.send(MembersRpc.ListBatchRows, { ...admin, batchId: batch.id, query: { page: read.page, limit: read.limit, status: read.status } })));
    const rows = pages.flatMap((result, index) => result.items.slice(reads[index].skip, reads[index].skip + reads[index].take));
    const base = `/console/batches/${batch.id}`;
    return {
      batch,
      show,
      filters: REVIEW_FILTERS.map((value) => ({ value, label: FILTER_LABELS[value], href: value === 'all' ? base : `${base}?show=${value}`, current: value === show })),
      rows: rows.map((row) => rowView(row, locale, options.saved, options.edit)),
      paging: pagingView(base, { show: show === 'all' ? undefined : show }, page, ROWS_PER_PAGE, total),
      page,
      canCommit: batch.counts.valid > 0,
      hasErrorReport: batch.counts.invalid > 0,
      ignoredColumns: batch.ignoredColumns.join(', '),
    };
  }
}

function rowView(row: BatchRowView, locale: Locale, saved: string | undefined, edit: RowEdit | undefined): ReviewRowView {
  const refused = edit?.rowId === row.id ? edit : undefined;
  return {
    id: row.id,
    line: row.line,
    email: row.email,
    accountName: row.accountName,
    otherSuggestions: row.suggestions.filter((name) => name !== row.accountName),
    firstName: row.firstName ?? '',
    lastName: row.lastName ?? '',
    passwordSet: row.passwordSet,
    hasProblems: row.errors.length > 0,
    invitation: row.kind === 'invitation',
    disabledInDirectory: row.errors.some((problem) => problem.code === ErrorCode.AccountDisabledInDirectory),
    problems: row.errors.map((problem) => problemWords(locale, problem)),
    notices: row.notices.map((problem) => problemWords(locale, problem)),
    saved: saved === row.id,
    edit: refused
      ? {
          change: refused.change,
          problem: problemWords(locale, refused.problem),
          accountName: refused.values.accountName ?? row.accountName ?? '',
          firstName: refused.values.firstName ?? row.firstName ?? '',
          lastName: refused.values.lastName ?? row.lastName ?? '',
          suggestions: refused.suggestions.length > 0 ? refused.suggestions : row.suggestions.filter((name) => name !== row.accountName),
        }
      : { change: '', problem: '', accountName: '', firstName: '', lastName: '', suggestions: [] },
  };
}
