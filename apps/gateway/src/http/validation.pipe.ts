import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { ErrorCode, type FieldError } from '@app/contracts';
import { ApiException } from './api.exception';

function fieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({
      field,
      code: error.contexts?.[rule]?.code ?? ErrorCode.ValidationFailed,
      message,
    }));
    return [...own, ...fieldErrors(error.children ?? [], field)];
  });
}

/** The global pipe: unknown fields refused, values converted, every failing field listed. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const details = fieldErrors(errors);
      const first = details[0];
      const code = details.every((detail) => detail.code === first?.code) && first ? first.code : ErrorCode.ValidationFailed;
      return new ApiException(422, code as ErrorCode, first ? first.message : 'The request is not valid.', details);
    },
  });
}
