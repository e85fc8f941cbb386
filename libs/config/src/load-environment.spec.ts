import { InvalidConfigurationError, loadEnvironment } from './load-environment';
import { ServiceEnvironment } from './service-environment';

describe('loadEnvironment', () => {
  it('takes the documented defaults when nothing is set', () => {
    const env = loadEnvironment(ServiceEnvironment, {});
    expect(env.MONGO_URL).toBe('mongodb://127.0.0.1:27017/roster');
    expect(env.AMQP_URL).toBe('amqp://guest:guest@127.0.0.1:5672');
    expect(env.RPC_TIMEOUT_MS).toBe(15_000);
  });

  it('converts numbers and keeps given values', () => {
    const env = loadEnvironment(ServiceEnvironment, { RPC_TIMEOUT_MS: '2500', AMQP_URL: 'amqps://u:p@mq.example:5671/vh' });
    expect(env.RPC_TIMEOUT_MS).toBe(2500);
    expect(env.AMQP_URL).toBe('amqps://u:p@mq.example:5671/vh');
  });

  it.each([
    ['AMQP_URL', 'http://127.0.0.1:5672', 'AMQP_URL must be an amqp:// or amqps:// URL'],
    ['AMQP_URL', 'not a url', 'AMQP_URL must be an amqp:// or amqps:// URL'],
    ['MONGO_URL', 'mongodb://127.0.0.1:27017', 'MONGO_URL must be a mongodb:// URL that names a database'],
    ['RPC_TIMEOUT_MS', 'soon', 'RPC_TIMEOUT_MS must be a whole number'],
    ['NODE_ENV', 'staging', 'NODE_ENV must be development, test or production'],
  ])('rejects %s=%s naming the variable', (name, value, expected) => {
    let caught: unknown;
    try {
      loadEnvironment(ServiceEnvironment, { [name]: value });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidConfigurationError);
    expect((caught as Error).message).toContain(expected);
    expect((caught as Error).message.split('\n')).toHaveLength(1);
  });
});
