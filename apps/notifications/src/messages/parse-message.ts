import { type ClassConstructor, plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';

type ParsedMessage<T> = { ok: true; value: T } | { ok: false; reason: string };

/** The fields at fault, those of this level before those nested in them (the envelope before its data). */
function problems(errors: ValidationError[], parent = ''): string[] {
  const pathOf = (error: ValidationError) => (parent ? `${parent}.${error.property}` : error.property);
  const own = errors.flatMap((error) => Object.values(error.constraints ?? {}).map((constraint) => constraint.replace(error.property, pathOf(error))));
  return [...own, ...errors.flatMap((error) => problems(error.children ?? [], pathOf(error)))];
}

/**
 * Messages from RabbitMQ are untrusted input: the body must be a JSON object that passes the
 * class-validator rules of `schema`. The reason names the fields at fault, never their values.
 */
export function parseMessage<T extends object>(schema: ClassConstructor<T>, content: Buffer): ParsedMessage<T> {
  let body: unknown;
  try {
    body = JSON.parse(content.toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed message: the body is not JSON' };
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, reason: 'malformed message: the body is not a JSON object' };
  }
  const value = plainToInstance(schema, body);
  const found = problems(validateSync(value, { forbidUnknownValues: true }));
  if (found.length > 0) return { ok: false, reason: `malformed message: ${found.slice(0, 5).join('; ')}` };
  return { ok: true, value };
}
