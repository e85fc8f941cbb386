import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { ErrorCode } from '@app/contracts';
import { DomainError } from './domain.error';

function flatten(errors: ValidationError[], parent = ''): { field: string; message: string }[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    return [
      ...Object.values(error.constraints ?? {}).map((message) => ({ field, code: ErrorCode.ValidationFailed, message })),
      ...flatten(error.children ?? [], field),
    ];
  });
}

/** Messages from RabbitMQ are untrusted input: validated like HTTP bodies. */
export function createRpcValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const details = flatten(errors);
      return new DomainError(ErrorCode.ValidationFailed, details[0]?.message ?? 'The request is not valid.', details);
    },
  });
}
