type NextStep = { action: 'retry'; tier: number; delayMs: number; attempts: number } | { action: 'park'; attempts: number };

/** Header carrying how many tries a message has had; set by this service when it schedules a retry. */
export const ATTEMPTS_HEADER = 'x-attempts';

/** Tries already made before this delivery. The header is untrusted: anything odd counts as none. */
export function attemptsSoFar(headers: Record<string, unknown> | undefined): number {
  const value = headers?.[ATTEMPTS_HEADER];
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : 0;
}

/**
 * After the try numbered `attempts` failed: wait the next configured delay and try again, or,
 * once every delay has been waited, park the message. N delays give N + 1 tries.
 */
export function afterFailedAttempt(attempts: number, delaysMs: readonly number[]): NextStep {
  if (attempts > delaysMs.length) return { action: 'park', attempts };
  return { action: 'retry', tier: attempts - 1, delayMs: delaysMs[attempts - 1], attempts };
}

/** The delay is in the name: a queue's TTL cannot change once declared, and a new delay list must not collide with the old queues. */
export function retryQueueName(queue: string, delayMs: number): string {
  return `${queue}.retry.${delayMs}ms`;
}
