// SMTP sink for `npm run bench:import` and `npm run test:faults`, run as its own process (`fork`) so that accepting mail
// does not compete with the bench's polling for its event loop. It accepts every mail, keeps
// nothing but the moment it accepted it, its envelope recipients and its size, and sends those
// to the parent over IPC in small batches. Messages to the parent:
//   { type: 'listening', port }
//   { type: 'accepted', mails: [[acceptedAtMs, 'to@x,to2@x', bytes], ...] }
//   { type: 'flushed', total }   (answer to { type: 'flush' }: everything accepted so far was sent)
// { type: 'stop' } closes the server as one going down would (a session in progress is cut off
// after closeTimeout), sends what it accepted, and exits.
import { SMTPServer } from 'smtp-server';

/** Often enough for the bench to notice a phase's end within a tenth of a second. */
const FLUSH_MS = 100;

let pending = [];
let total = 0;

function flush() {
  if (pending.length === 0 || !process.connected) return;
  const mails = pending;
  pending = [];
  process.send({ type: 'accepted', mails });
}

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  // A stuck client must not hold the sink open at the end of the bench.
  closeTimeout: 500,
  onData(stream, session, callback) {
    let bytes = 0;
    stream.on('data', (chunk) => {
      bytes += chunk.length;
    });
    stream.on('end', () => {
      const to = session.envelope.rcptTo.map((recipient) => recipient.address.toLowerCase()).join(',');
      // Recorded when the sink answers 250: the moment the sender's mail counts as accepted.
      pending.push([Date.now(), to, bytes]);
      total += 1;
      callback();
    });
  },
});
server.on('error', (error) => process.stderr.write(`[bench-smtp-sink] ${error.message}\n`));

const timer = setInterval(flush, FLUSH_MS);

process.on('message', (message) => {
  if (message?.type === 'flush') {
    flush();
    process.send({ type: 'flushed', total });
  }
  if (message?.type === 'stop') {
    clearInterval(timer);
    server.close(() => {
      flush();
      process.send({ type: 'flushed', total }, () => process.exit(0));
    });
  }
});

function stop() {
  clearInterval(timer);
  flush();
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 2_000).unref();
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.on('disconnect', stop);

server.listen(Number(process.env.SINK_PORT ?? 0), '127.0.0.1', () => {
  process.send({ type: 'listening', port: server.server.address().port });
});
