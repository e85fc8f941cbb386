import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { dropTestDatabase, testAmqpUrl, testMongoUrl } from '@app/testing';

jest.setTimeout(60_000);

const cli = join(__dirname, '../../../dist/apps/members/src/cli/admin-create.js');
const PASSWORD = 'Blue-Harbor-Lamp-42';

describe('npm run admin:create: the password never on the command line', () => {
  const mongoUrl = testMongoUrl('admin_create');
  const run = (args: string[], input?: string) =>
    spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', input, env: { ...process.env, MONGO_URL: mongoUrl, AMQP_URL: testAmqpUrl(), LOG_LEVEL: 'warn' }, timeout: 50_000 });

  afterAll(() => dropTestDatabase(mongoUrl));

  it('refuses --password, saying why, and creates nothing', async () => {
    const refused = run(['--organization', 'Northwind', '--email', 'admin@northwind.example', '--password', PASSWORD]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('the password is not taken on the command line');

    const mongo = await new MongoClient(mongoUrl).connect();
    try {
      expect(await mongo.db().collection('admins').countDocuments({ email: 'admin@northwind.example' })).toBe(0);
    } finally {
      await mongo.close();
    }
  });

  it('takes the password piped on standard input, and stores only its hash', async () => {
    const created = run(['--organization', 'Northwind', '--email', 'admin@northwind.example', '--locale', 'fr'], `${PASSWORD}\n`);
    expect(created.stderr).toBe('');
    expect(created.status).toBe(0);
    const { organizationId, adminId } = JSON.parse(created.stdout);

    const mongo = await new MongoClient(mongoUrl).connect();
    try {
      const admin = await mongo.db().collection<{ _id: string }>('admins').findOne({ _id: adminId });
      expect(admin).toMatchObject({ organizationId, email: 'admin@northwind.example' });
      expect(JSON.stringify(admin)).not.toContain(PASSWORD);
    } finally {
      await mongo.close();
    }
  });

  it('refuses an empty standard input', () => {
    const empty = run(['--organization', 'Northwind', '--email', 'other@northwind.example'], '');
    expect(empty.status).toBe(2);
    expect(empty.stderr).toContain('no password was typed or piped');
  });
});
