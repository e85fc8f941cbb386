// Development mail catcher: a real SMTP listener that keeps every message as an .eml file
// under var/mail/ and logs one JSON line with the recipient and subject.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';

const url = new URL(process.env.SMTP_URL ?? 'smtp://127.0.0.1:1025');
const directory = join(import.meta.dirname, '..', 'var', 'mail');
mkdirSync(directory, { recursive: true });

function subjectOf(raw) {
  const match = /^Subject:\s*(.*(?:\r?\n[ \t].*)*)/im.exec(raw);
  return match ? match[1].replace(/\r?\n[ \t]/g, ' ') : '';
}

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  onData(stream, session, callback) {
    const chunks = [];
    stream.on('data', (chunk) => chunks.push(chunk));
    stream.on('end', () => {
      const raw = Buffer.concat(chunks);
      const file = join(directory, `${new Date().toISOString().replace(/[:.]/g, '-')}-${session.id}.eml`);
      writeFileSync(file, raw);
      const to = session.envelope.rcptTo.map((recipient) => recipient.address).join(', ');
      console.log(JSON.stringify({ time: new Date().toISOString(), level: 'log', service: 'mail-catcher', message: 'mail received', to, subject: subjectOf(raw.toString('utf8')), file }));
      callback();
    });
  },
});

server.listen(Number(url.port || 1025), url.hostname, () =>
  console.log(JSON.stringify({ level: 'log', service: 'mail-catcher', message: `listening on ${url.hostname}:${url.port || 1025}, mail kept in var/mail/` })),
);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
process.on('SIGINT', () => server.close(() => process.exit(0)));
