import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';

export class InvalidConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration: ${problems.join('; ')}`);
    this.name = 'InvalidConfigurationError';
  }
}

function describe(errors: ValidationError[]): string[] {
  return errors.flatMap((error) => Object.values(error.constraints ?? {}));
}

/**
 * Reads and validates the environment once, at boot. Values missing from `env` take the
 * defaults declared on the class; anything malformed is reported by variable name.
 */
export function loadEnvironment<T extends object>(schema: ClassConstructor<T>, env: NodeJS.ProcessEnv = process.env): T {
  const known = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const config = plainToInstance(schema, known, { exposeDefaultValues: true });
  const errors = validateSync(config, { forbidUnknownValues: false });
  if (errors.length > 0) throw new InvalidConfigurationError(describe(errors));
  return config;
}

/** For `main.ts`: one clear line on stderr and exit code 78 (configuration error) instead of a stack trace. */
export function loadEnvironmentOrExit<T extends object>(schema: ClassConstructor<T>, service: string): T {
  try {
    return loadEnvironment(schema);
  } catch (error) {
    if (!(error instanceof InvalidConfigurationError)) throw error;
    process.stderr.write(`${JSON.stringify({ level: 'fatal', service, message: error.message })}\n`);
    process.exit(78);
  }
}
