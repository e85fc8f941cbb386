import { ApiException } from '../http/api.exception';

export interface RefusalDetail {
  field?: string;
  code?: string;
  message?: string;
  suggestions?: string[];
}

export interface MembersRefusal {
  code: string;
  message: string;
  details: RefusalDetail[];
}

/** The members service's refusal behind an error, or undefined for anything else (which the caller rethrows). */
export function refusalOf(error: unknown): MembersRefusal | undefined {
  if (!(error instanceof ApiException)) return undefined;
  const body = error.getResponse();
  if (typeof body !== 'object' || body === null || !('code' in body)) return undefined;
  const { code, message, details } = body as { code: unknown; message?: unknown; details?: unknown };
  return { code: String(code), message: typeof message === 'string' ? message : '', details: Array.isArray(details) ? (details as RefusalDetail[]) : [] };
}
