import { ErrorCode } from '@app/contracts';
import type { LinkInvalidPage } from './pages/activation-pages';

export interface LinkProblem {
  status: 404 | 410;
  reason: LinkInvalidPage['reason'];
}

export const UNKNOWN_LINK: LinkProblem = { status: 404, reason: 'unknown' };

/** Why a link cannot be used, from the members service's error code; undefined for other errors. */
export function linkProblemFor(code: string): LinkProblem | undefined {
  switch (code) {
    case ErrorCode.NotFound:
      return UNKNOWN_LINK;
    case ErrorCode.ActivationLinkUsed:
      return { status: 410, reason: 'used' };
    case ErrorCode.ActivationLinkExpired:
      return { status: 410, reason: 'expired' };
    default:
      return undefined;
  }
}
