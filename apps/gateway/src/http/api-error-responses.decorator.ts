import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import type { ErrorCode } from '@app/contracts';
import { statusForErrorCode } from './error-status';

/** The one error shape, for one status and the codes an endpoint may answer with it. */
export function errorBodySchema(status: number, codes: readonly string[]) {
  return {
    type: 'object',
    required: ['statusCode', 'code', 'message'],
    properties: {
      statusCode: { type: 'integer', enum: [status] },
      code: { type: 'string', enum: [...codes] },
      message: { type: 'string' },
      details: {
        type: 'array',
        description: 'One entry per field at fault; `suggestions` when an account name is refused.',
        items: {
          type: 'object',
          properties: { field: { type: 'string' }, code: { type: 'string' }, message: { type: 'string' }, suggestions: { type: 'array', items: { type: 'string' } } },
        },
      },
    },
  };
}

export function errorResponseDescription(codes: readonly string[]): string {
  return `Error, \`code\` one of: ${codes.map((code) => `\`${code}\``).join(', ')}`;
}

/** Documents, in the OpenAPI document, the error codes an endpoint may answer, grouped by status. */
export function ApiErrorResponses(...codes: ErrorCode[]): MethodDecorator & ClassDecorator {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) byStatus.set(statusForErrorCode(code), [...(byStatus.get(statusForErrorCode(code)) ?? []), code]);
  return applyDecorators(
    ...[...byStatus].map(([status, group]) => ApiResponse({ status, description: errorResponseDescription(group), schema: errorBodySchema(status, group) })),
  );
}
