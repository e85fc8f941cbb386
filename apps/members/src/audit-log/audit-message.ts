import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { AuditEventMessage } from '@app/contracts';

/**
 * An audit message as received: the event, or why it is not one. Untrusted input like any
 * message: an unknown field is refused, so nothing the contract does not name (a password, a
 * token) can reach the audit log by way of a sender's mistake.
 */
export async function readAuditMessage(content: Buffer): Promise<AuditEventMessage | { refused: string }> {
  let body: unknown;
  try {
    body = JSON.parse(content.toString('utf8'));
  } catch {
    return { refused: 'not JSON' };
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { refused: 'not a JSON object' };
  const message = plainToInstance(AuditEventMessage, body);
  const errors = await validate(message, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) return { refused: `not an audit event: ${errors.map((error) => error.property).join(', ')}` };
  return message;
}
