import { type PipeTransform } from '@nestjs/common';
import { ErrorCode } from '@app/contracts';
import { ApiException } from './api.exception';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/**
 * An id in the path: ids are UUIDs v4, so anything else names nothing and answers 404 in the
 * words the members service uses for an id it does not know ("This batch was not found.").
 */
export class UuidParam implements PipeTransform<string, string> {
  constructor(private readonly what: string) {}

  transform(value: string): string {
    if (!UUID_V4.test(value)) throw new ApiException(404, ErrorCode.NotFound, `${this.what} was not found.`);
    return value.toLowerCase();
  }
}
