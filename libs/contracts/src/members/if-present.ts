import { ValidateIf } from 'class-validator';

/**
 * Checks a field only when it is sent. Unlike `IsOptional`, `null` counts as sent, so the checks
 * that follow refuse it instead of letting it through to code that expects a string.
 */
export const IfPresent = (): PropertyDecorator => ValidateIf((_object: object, value: unknown) => value !== undefined);
