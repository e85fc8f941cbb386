import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import type { ErrorCode } from '@app/contracts';
import { statusForErrorCode } from './error-status';

const ERROR_BODY = {
  type: 'object',
  required: ['statusCode', 'code', 'message'],
  properties: {
    statusCode: { type: 'integer' },
    code: { type: 'string' },
    message: { type: 'string' },
    details: { type: 'array', items: { type: 'object' } },
  },
};

/** Documents, in the OpenAPI document, the error codes an endpoint may answer, grouped by status. */
export function ApiErrorResponses(...codes: ErrorCode[]): MethodDecorator & ClassDecorator {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) byStatus.set(statusForErrorCode(code), [...(byStatus.get(statusForErrorCode(code)) ?? []), code]);
  return applyDecorators(
    ...[...byStatus].map(([status, group]) =>
      ApiResponse({ status, description: `Error, \`code\` one of: ${group.map((code) => `\`${code}\``).join(', ')}`, schema: ERROR_BODY }),
    ),
  );
}
