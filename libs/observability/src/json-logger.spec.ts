import { JsonLogger } from './json-logger';
import { RequestContext } from './request-context';

function capture(threshold?: 'log' | 'warn') {
  const lines: Record<string, unknown>[] = [];
  const logger = new JsonLogger('members', threshold, (line) => lines.push(JSON.parse(line)));
  return { logger, lines };
}

describe('JsonLogger', () => {
  it('writes one JSON object with service, level, context and message', () => {
    const { logger, lines } = capture();
    logger.log('batch ready', 'MemberBatches');
    expect(lines).toEqual([
      expect.objectContaining({ level: 'log', service: 'members', context: 'MemberBatches', message: 'batch ready' }),
    ]);
  });

  it('merges structured fields and the current request id', () => {
    const { logger, lines } = capture();
    RequestContext.run({ requestId: 'req-1' }, () => logger.warn({ message: 'slow', ms: 1200 }, 'Http'));
    expect(lines[0]).toMatchObject({ level: 'warn', message: 'slow', ms: 1200, requestId: 'req-1', context: 'Http' });
  });

  it('keeps the stack of errors and drops levels under the threshold', () => {
    const { logger, lines } = capture('warn');
    logger.log('hidden');
    logger.error('boom', 'Error: boom\n    at x', 'Relay');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'error', message: 'boom', context: 'Relay' });
    expect(String(lines[0].stack)).toContain('at x');
  });
});
