import { execFileSync } from 'node:child_process';
import { connect } from 'amqplib';
import { testAmqpUrl } from './test-backends';

function rabbitmqctl(...args: string[]): void {
  execFileSync('rabbitmqctl', ['-q', ...args], { stdio: 'ignore', timeout: 60_000 });
}

/**
 * Stops the local RabbitMQ node's application (every connection drops, durable queues and
 * persistent messages stay on disk) and starts it again after `downMs`. It drives the broker that
 * `npm run services:up` started; it cannot reach a broker in a container.
 */
export async function interruptBroker(downMs: number): Promise<void> {
  rabbitmqctl('stop_app');
  await new Promise((resolve) => setTimeout(resolve, downMs));
  rabbitmqctl('start_app');
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const connection = await connect(testAmqpUrl());
      await connection.close();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}
