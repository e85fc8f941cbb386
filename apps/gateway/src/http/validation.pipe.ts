import { type ArgumentMetadata, ValidationPipe, type ValidationError } from '@nestjs/common';
import { ErrorCode, type FieldError } from '@app/contracts';
import { ApiException } from './api.exception';

/** class-validator's rule for a field the DTO does not declare; its own sentence names "property". */
const UNKNOWN_FIELD_RULE = 'whitelistValidation';

function fieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({
      field,
      code: error.contexts?.[rule]?.code ?? ErrorCode.ValidationFailed,
      message: rule === UNKNOWN_FIELD_RULE ? `${field} is not a field of this request.` : message,
    }));
    return [...own, ...fieldErrors(error.children ?? [], field)];
  });
}

function refusal(errors: ValidationError[]): ApiException {
  const details = fieldErrors(errors);
  const first = details[0];
  const code = details.every((detail) => detail.code === first?.code) && first ? first.code : ErrorCode.ValidationFailed;
  return new ApiException(422, code as ErrorCode, first ? first.message : 'The request is not valid.', details);
}

/**
 * The global pipe: values converted, every failing field listed. A body with a field it does not
 * know is refused (a misspelt field would otherwise be silently ignored); a query parameter it
 * does not know is dropped, as caches and browsers add their own (`?_=1`).
 */
class ApiValidationPipe extends ValidationPipe {
  private readonly queryPipe = new ValidationPipe({ whitelist: true, forbidNonWhitelisted: false, transform: true, exceptionFactory: refusal });

  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    return metadata.type === 'query' ? this.queryPipe.transform(value, metadata) : super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new ApiValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true, exceptionFactory: refusal });
}
