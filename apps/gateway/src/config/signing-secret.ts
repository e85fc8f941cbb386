import { registerDecorator, type ValidationOptions } from 'class-validator';

/** Secrets that have been published with the project: anyone could sign tokens with them. */
const PUBLISHED_SECRETS = ['roster-development-secret-do-not-use-in-production', 'change-me-to-a-long-random-secret-of-32-chars-or-more'];
/** Words of placeholders and hand-made secrets, which random ones do not contain. */
const PLACEHOLDER = /change.?me|example|secret|password|roster|default|xxxx/i;
const MIN_LENGTH = 32;
/** 32 random base64 characters hold about 25 distinct ones; a hand-made or repeated secret far fewer. */
const MIN_DISTINCT_CHARACTERS = 16;

/** Why this secret cannot sign tokens, or null when it can. */
export function signingSecretProblem(secret: unknown): string | null {
  const advice = `use at least ${MIN_LENGTH} random characters, e.g. from \`openssl rand -base64 48\``;
  if (typeof secret !== 'string' || secret.length === 0) return `JWT_SECRET is required: ${advice}`;
  if (PUBLISHED_SECRETS.includes(secret)) return `JWT_SECRET is a value published with Roster, which anyone can sign tokens with: ${advice}`;
  if (secret.length < MIN_LENGTH) return `JWT_SECRET must be at least ${MIN_LENGTH} characters: ${advice}`;
  if (PLACEHOLDER.test(secret) || new Set(secret).size < MIN_DISTINCT_CHARACTERS) return `JWT_SECRET looks made by hand or repeated, so it can be guessed: ${advice}`;
  return null;
}

/** A secret strong enough to sign access tokens, in every environment. */
export function IsSigningSecret(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isSigningSecret',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate: (value: unknown) => signingSecretProblem(value) === null,
        defaultMessage: (args) => signingSecretProblem(args?.value) ?? 'JWT_SECRET is not usable',
      },
    });
}
