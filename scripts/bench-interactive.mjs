// `npm run bench:interactive -- --mongo-url mongodb://127.0.0.1:27017 --label sqlite [--members 10000]
// [--other-rows 100000] [--calls 10] [--budget-seconds 600] [--port 3991] [--no-build] [--help]`: how long
// the admin waits for each interactive call once the database holds a realistic amount of data.
// Builds, lets the members service create its indexes in a fresh database, then seeds it through
// the driver: one organization with `--members` accounts, and `--other-rows` rows of other
// organizations' completed batches (10,000 rows a batch, with their chunk reports and claims; the addresses and
// names of members and valid rows held in the reservation collections; those batches' accounts
// are not seeded, so `accounts` holds the organization's members only; accounts carry the search
// keys the members service stores, from dist/), 20 personal accounts that joined the
// organization through an invitation, and the organization's
// own import of 10,000 rows waiting for review (status ready: 8.4 % of its rows with a problem,
// as validation leaves them). Then runs the gateway and the members service (MEMBERS_ROLE=all)
// from dist/ on a RabbitMQ vhost of its own, signs in, types a batch of 20 addresses (timed once),
// and times each API call once to warm up and `--calls` times; then signs in to the console as a
// browser does and times its pages the same way (`console`: the whole HTML answer, with the
// session cookie). Prints one JSON object (milliseconds); drops the database and the vhost at the
// end. The services' logs go to a directory under the system's temporary directory, named on stderr.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { MongoClient } from 'mongodb';

const root = new URL('..', import.meta.url).pathname;
const { values } = parseArgs({
  options: {
    'mongo-url': { type: 'string', default: process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017' },
    'amqp-host': { type: 'string', default: '127.0.0.1:5672' },
    label: { type: 'string', default: 'unlabelled' },
    members: { type: 'string', default: '10000' },
    'other-rows': { type: 'string', default: '100000' },
    calls: { type: 'string', default: '10' },
    'budget-seconds': { type: 'string', default: '600' },
    port: { type: 'string', default: '3991' },
    'no-build': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  // The usage is this file's opening comment.
  const usage = readFileSync(new URL(import.meta.url), 'utf8').split('\n').filter((line) => line.startsWith('//')).map((line) => line.replace(/^\/\/ ?/, ''));
  console.log(usage.slice(0, usage.findIndex((line) => line.includes('end. The services'))+ 1).join('\n'));
  process.exit(0);
}
const MEMBERS = Number(values.members);
const OTHER_ROWS = Number(values['other-rows']);
const CALLS = Number(values.calls);
/** Time spent on one kind of call before the remaining calls of that kind are skipped. */
const BUDGET_MS = Number(values['budget-seconds']) * 1000;
const PORT = Number(values.port);
const BATCH_ROWS = 20;
/** Personal accounts that joined the organization through an invitation: listed first. */
const PERSONAL_MEMBERS = 20;
const OTHER_BATCH_ROWS = 10_000;
/** The organization's import under review, whose review pages the console renders. */
const REVIEW_BATCH_ROWS = 10_000;
const CHUNK_SIZE = 500; // BATCH_CHUNK_SIZE in apps/members
const INSERT_CHUNK = 1_000;
const PASSWORD = 'Bench-Harbor-Lamp-42';
const ADMIN_EMAIL = 'admin@interactive.example';
for (const [name, value] of Object.entries({ MEMBERS, OTHER_ROWS, CALLS, PORT, BUDGET_MS })) {
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive whole number`);
}

const stamp = Date.now();
const DATABASE = `roster_interactive_${stamp}`;
const VHOST = `roster-interactive-${stamp}`;
/** The given URL with this run's database in place of its own. */
function withDatabase(url, database) {
  const match = /^(mongodb(?:\+srv)?:\/\/[^/?]+)(?:\/[^?]*)?(\?.*)?$/.exec(url);
  if (!match) throw new Error(`not a MongoDB URL: ${url}`);
  return `${match[1]}/${database}${match[2] ?? ''}`;
}
const MONGO_URL = withDatabase(values['mongo-url'], DATABASE);
const AMQP_URL = `amqp://guest:guest@${values['amqp-host']}/${VHOST}`;
const BASE = `http://127.0.0.1:${PORT}`;
const ENV = {
  MONGO_URL,
  AMQP_URL,
  LOG_LEVEL: 'warn',
  // A slow call is measured, not cut short at the default 15 s (120 s is the most allowed).
  RPC_TIMEOUT_MS: '120000',
  GATEWAY_PORT: String(PORT),
  JWT_SECRET: randomBytes(48).toString('base64'),
  PUBLIC_URL: BASE,
  MEMBERS_ROLE: 'all',
  // Every service connects as guest on this run's own vhost: the members service answers guest
  // what it answers the gateway's and the notifications service's users.
  MEMBERS_RPC_GATEWAY_USER: 'guest',
  MEMBERS_RPC_NOTIFICATIONS_USER: 'guest',
};

const say = (message) => process.stderr.write(`[bench-interactive] ${message}\n`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const round = (value) => Math.round(value * 10) / 10;

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8', timeout: 600_000, ...options });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.error?.message ?? result.status}): ${result.stderr}`);
  return result.stdout;
}

// --- processes ---------------------------------------------------------------------------------

const children = new Set();
/** The first service that exited without being asked to. */
let died = null;

const LOGS = join(tmpdir(), `roster-interactive-${stamp}`);
const logFile = (name) => join(LOGS, `${name.replace(/\W+/g, '-')}.log`);

function countInLog(name, text) {
  try {
    return readFileSync(logFile(name), 'utf8').split(text).length - 1;
  } catch {
    return 0;
  }
}

function start(name, entry) {
  mkdirSync(LOGS, { recursive: true });
  const log = openSync(logFile(name), 'a');
  const child = spawn(process.execPath, [entry], { cwd: root, env: { ...process.env, ...ENV }, stdio: ['ignore', log, log] });
  closeSync(log);
  child.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));
  children.add(child);
  child.exited.then((status) => {
    children.delete(child);
    if (!child.stopping) died ??= `${name} exited (${status})`;
  });
  return child;
}

async function stop(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.stopping = true;
  child.kill('SIGTERM');
  const result = await Promise.race([child.exited, sleep(10_000).then(() => 'timeout')]);
  if (result === 'timeout') {
    child.kill('SIGKILL');
    await Promise.race([child.exited, sleep(5_000)]);
  }
}

/** Polls `probe` until it answers something other than undefined; fails early if a child died. */
async function waitFor(what, timeoutMs, probe) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (died) throw new Error(`${died} while waiting for ${what}`);
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    await sleep(250);
  }
  throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}`);
}

// --- seed --------------------------------------------------------------------------------------

const FIRST = ['Élodie', 'Jürgen', 'François', 'Zoë', 'Noémie', 'Gaël', 'Hélène', 'Jérôme', 'Søren', 'Łukasz', 'Marie', 'Jean', 'Pierre', 'Sophie', 'James', 'Emily', 'Oliver', 'Charlotte', 'Amélie', 'Benoît', 'Clément', 'Anaïs', 'Maëlle', 'Thomas', 'Olivia', 'William', 'Chloé', 'Léa', 'Hugo', 'Inès'];
const LAST = ['Lefèvre', 'Groß', 'Dupont', 'Pérez', 'Roux', 'Le Goff', 'Müller', 'Smith', 'Johnson', "O'Brien", 'Martin', 'Bernard', 'Thomas', 'Petit', 'Robert', 'Richard', 'Durand', 'Dubois', 'Moreau', 'Laurent', 'Simon', 'Michel', 'García', 'Núñez', 'Brown', 'Taylor', 'Wilson', 'Davies', 'Evans', 'Kierkegaard'];
const SEARCH_TERM = 'dupont';
/** A search as typed at its start: it matches many more members. */
const SHORT_SEARCH_TERM = 'ma';
/** What the seed writes to besides organizations; a warning says when the service no longer makes one. */
const SEEDED_COLLECTIONS = ['accounts', 'email_reservations', 'account_name_reservations', 'batch_rows', 'member_batches', 'batch_chunk_reports', 'batch_claims', 'batch_chunk_snapshots'];
const ascii = (text) => text.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^A-Za-z]/g, '').toLowerCase();

/** The index-th person of a population: names, a distinct email and account name. */
function person(index, domain) {
  const firstName = FIRST[index % FIRST.length];
  const lastName = LAST[Math.floor(index / FIRST.length) % LAST.length];
  const base = `${ascii(firstName)}.${ascii(lastName)}`;
  const lap = Math.floor(index / (FIRST.length * LAST.length));
  const email = `${base}.${index}@${domain}`;
  return { firstName, lastName, email, accountName: lap === 0 ? base : `${base}${lap + 1}`, base };
}

async function insertAll(collection, count, make) {
  for (let index = 0; index < count; index += INSERT_CHUNK) {
    const documents = [];
    for (let offset = index; offset < Math.min(count, index + INSERT_CHUNK); offset += 1) documents.push(make(offset));
    await collection.insertMany(documents, { ordered: false });
  }
}

/** A row of a validated batch as BatchRowsRepository stores it: looked-up fields, the rest as JSON. */
function batchRowDocument(batchId, organizationId, batch, index, valid) {
  const who = person(index, `other${batch}.example`);
  const email = valid ? who.email : who.email.replace('@', '@@');
  // Account names are unique in the whole system, so each batch's differ.
  const tag = `b${batch}r${index}`;
  const suggestions = valid ? [`${who.base}.${tag}`, `${who.base[0]}${ascii(who.lastName)}.${tag}`, `${ascii(who.firstName)}.${tag}`] : [];
  const details = {
    email,
    emailNormalized: email,
    userName: null,
    firstName: who.firstName,
    lastName: who.lastName,
    accountName: suggestions[0] ?? null,
    accountNameChosen: false,
    suggestions,
    passwordHash: null,
    problems: valid ? [] : [{ code: 'invalid_email', message: `"${email}" is not a valid email address.` }],
    notices: [],
    memberId: null,
    cells: [email, '', who.firstName, who.lastName, index % 3 === 0 ? 'Ventes' : 'R&D'],
  };
  return {
    _id: randomUUID(),
    batchId,
    organizationId,
    line: index + 2,
    chunk: Math.floor(index / CHUNK_SIZE),
    status: valid ? 'valid' : 'invalid',
    details: JSON.stringify(details),
  };
}

function completedBatch(batchId, organizationId, rows, valid) {
  const createdAt = new Date(stamp - 86_400_000);
  return {
    _id: batchId,
    organizationId,
    createdByAdminId: randomUUID(),
    source: 'csv',
    status: 'completed',
    fileName: 'directory.csv',
    uploadId: null,
    ignoredColumns: ['Service'],
    headers: ['Adresse e-mail', "Nom d'utilisateur", 'Prénom', 'Nom', 'Service'],
    delimiter: ';',
    parsedRows: rows,
    counts: { total: rows, valid: 0, invalid: rows - valid, created: valid, failed: 0 },
    chunkCount: Math.ceil(rows / CHUNK_SIZE),
    failureReason: null,
    createdAt,
    validationStartedAt: createdAt,
    commitStartedAt: createdAt,
    completedAt: createdAt,
    pendingEvent: null,
    eventPending: false,
  };
}

/**
 * What validating a batch leaves in batch_chunk_reports and batch_claims, per chunk its report and
 * ticket, and once `committed`, what committing it leaves too; and the steps taken.
 */
function batchRecords(batchId, rows, isValid, { committed, at }) {
  const reports = [];
  const claims = [];
  const claim = (key) => claims.push({ _id: `${batchId}:${key}`, batchId, claimedAt: at });
  for (let chunk = 0; chunk * CHUNK_SIZE < rows; chunk += 1) {
    const chunkRows = Math.min(CHUNK_SIZE, rows - chunk * CHUNK_SIZE);
    let chunkValid = 0;
    for (let index = chunk * CHUNK_SIZE; index < chunk * CHUNK_SIZE + chunkRows; index += 1) if (isValid(index)) chunkValid += 1;
    reports.push({ _id: `${batchId}:validate:${chunk}`, batchId, phase: 'validate', chunk, rows: chunkRows, valid: chunkValid, created: null, notableOutcomes: null, completedAt: at });
    claim(`validate-ticket:${chunk}`);
    if (!committed) continue;
    reports.push({ _id: `${batchId}:commit:${chunk}`, batchId, phase: 'commit', chunk, rows: chunkValid, valid: null, created: chunkValid, notableOutcomes: null, completedAt: at });
    claim(`commit-ticket:${chunk}`);
  }
  for (const step of committed ? ['validate-closed', 'commit', 'commit-closed'] : ['validate-closed']) claim(step);
  return { reports, claims };
}

async function insertBatchRecords(db, batchId, rows, isValid, options = { committed: true, at: new Date(stamp - 86_400_000) }) {
  const { reports, claims } = batchRecords(batchId, rows, isValid, options);
  await db.collection('batch_chunk_reports').insertMany(reports, { ordered: false });
  await db.collection('batch_claims').insertMany(claims, { ordered: false });
}

/** The problem row `index` of the import under review has, if any: 8.4 % of its rows, five kinds, as validation words them. */
function reviewProblemOf(index) {
  if (index % 250 === 35) return 'email_in_use';
  return { 3: 'invalid_email', 11: 'duplicate_in_batch', 19: 'already_member', 27: 'account_name_taken' }[index % 50] ?? null;
}

/**
 * A row of the import under review as validation writes it (see BatchRowsValidator): a bad,
 * repeated, member's or elsewhere-used address leaves the row without names; a user name the
 * directory asks for is taken as the account name, respelled with a notice when it must be, or
 * refused when a member has it (the row then gets suggestions to pick from).
 */
function reviewRow(batchId, organizationId, index, members) {
  const who = person(index, 'newstaff.example');
  const problem = reviewProblemOf(index);
  const tag = `r${index}`;
  const suggestions = [`${who.base}.${tag}`, `${who.base[0]}${ascii(who.lastName)}.${tag}`, `${ascii(who.firstName)}.${tag}`];
  const member = members[index % members.length];
  let email = who.email;
  let userName = null;
  const problems = [];
  const notices = [];
  if (problem === 'invalid_email') {
    email = who.email.replace('@', '@@');
    problems.push({ code: 'invalid_email', message: `"${email}" is not a valid email address.` });
  } else if (problem === 'duplicate_in_batch') {
    email = person(index - 1, 'newstaff.example').email;
    problems.push({ code: 'duplicate_in_batch', message: `This email address already appears on line ${index + 1}.` });
  } else if (problem === 'already_member') {
    email = member.email;
    problems.push({ code: 'already_member', message: `${email} is already a member of this organization.` });
  } else if (problem === 'email_in_use') {
    email = person(index, 'other0.example').email;
    problems.push({ code: 'email_in_use', message: `${email} is already used by a business account of another organization.` });
  } else if (problem === 'account_name_taken') {
    userName = member.accountName;
    problems.push({ code: 'account_name_taken', message: `The account name "${userName}" is already taken; pick one of the suggestions.` });
  } else if (index % 50 === 43) {
    userName = `${who.firstName} ${who.lastName} ${tag}`;
    notices.push({ code: 'account_name_adjusted', message: `"${userName}" cannot be used as an account name; "${suggestions[0]}" was picked instead.` });
  } else if (index % 10 === 0) {
    userName = suggestions[0];
  }
  // Only an address that holds gets names: a row whose asked-for name was refused still gets suggestions.
  const named = problem === null || problem === 'account_name_taken';
  const details = {
    email,
    emailNormalized: email.toLowerCase(),
    userName,
    firstName: who.firstName,
    lastName: who.lastName,
    accountName: named ? suggestions[0] : null,
    accountNameChosen: userName !== null,
    suggestions: named ? suggestions : [],
    passwordHash: null,
    problems,
    notices,
    memberId: null,
    cells: [email, userName ?? '', who.firstName, who.lastName, index % 3 === 0 ? 'Ventes' : 'R&D'],
  };
  return { _id: randomUUID(), batchId, organizationId, line: index + 2, chunk: Math.floor(index / CHUNK_SIZE), status: problem === null ? 'valid' : 'invalid', details };
}

/**
 * The organization's import of REVIEW_BATCH_ROWS rows, validated and waiting for the admin's
 * review: its rows, the addresses and names they hold (a row whose name was refused holds its
 * address and first suggestion), its chunk reports and claims, and the snapshots of its valid rows
 * that committing would read.
 */
async function seedReviewBatch(db, organizationId, adminId, members) {
  const batchId = randomUUID();
  const validatedAt = new Date(stamp - 3_600_000);
  const rows = Array.from({ length: REVIEW_BATCH_ROWS }, (_, index) => reviewRow(batchId, organizationId, index, members));
  await insertAll(db.collection('batch_rows'), rows.length, (index) => ({ ...rows[index], details: JSON.stringify(rows[index].details) }));
  const holding = rows.filter((row) => row.details.accountName !== null);
  await insertAll(db.collection('email_reservations'), holding.length, (index) => ({ _id: holding[index].details.emailNormalized, organizationId, batchId, rowId: holding[index]._id, line: holding[index].line, reservedAt: validatedAt }));
  await insertAll(db.collection('account_name_reservations'), holding.length, (index) => ({ _id: holding[index].details.accountName, batchId, rowId: holding[index]._id, reservedAt: validatedAt }));
  const snapshots = [];
  for (let chunk = 0; chunk * CHUNK_SIZE < rows.length; chunk += 1) {
    const valid = rows.slice(chunk * CHUNK_SIZE, (chunk + 1) * CHUNK_SIZE).filter((row) => row.status === 'valid');
    const commitable = valid.map(({ _id, line, details }) => ({ _id, line, emailNormalized: details.emailNormalized, userName: details.userName, firstName: details.firstName, lastName: details.lastName, accountName: details.accountName, suggestions: details.suggestions, passwordHash: null }));
    snapshots.push({ _id: `${batchId}:${chunk}`, batchId, chunk, rows: JSON.stringify(commitable) });
  }
  await db.collection('batch_chunk_snapshots').insertMany(snapshots, { ordered: false });
  const invalid = rows.filter((row) => row.status === 'invalid').length;
  const valid = rows.length - invalid;
  await db.collection('member_batches').insertOne({
    ...completedBatch(batchId, organizationId, rows.length, valid),
    createdByAdminId: adminId,
    status: 'ready',
    fileName: 'new-staff.csv',
    counts: { total: rows.length, valid, invalid, created: 0, failed: 0 },
    createdAt: validatedAt,
    validationStartedAt: validatedAt,
    commitStartedAt: null,
    completedAt: null,
  });
  await insertBatchRecords(db, batchId, rows.length, (index) => reviewProblemOf(index) === null, { committed: false, at: validatedAt });
  return { batchId, invalid };
}

/**
 * The organization's members, and other organizations' completed batches whose rows hold their
 * addresses and names (email_reservations, account_name_reservations) as validation leaves them.
 */
async function seed(db, organizationId, adminId) {
  const started = performance.now();
  // The keys the members service stores with each account (built above).
  const { memberSearchKeys } = createRequire(import.meta.url)(join(root, 'dist/apps/members/src/accounts/member-search.js'));
  const reservedAt = new Date(stamp - 86_400_000);
  const earlierBatchId = randomUUID();
  const members = Array.from({ length: MEMBERS }, (_, index) => ({ _id: randomUUID(), ...person(index, 'interactive.example') }));
  await insertAll(db.collection('accounts'), MEMBERS, (index) => {
    const who = members[index];
    const active = index % 4 !== 0;
    return {
      _id: who._id,
      organizationId,
      email: who.email,
      emailNormalized: who.email,
      accountName: who.accountName,
      firstName: who.firstName,
      lastName: who.lastName,
      status: active ? 'active' : 'pending_activation',
      passwordHash: active ? `scrypt$${'0'.repeat(32)}$${'1'.repeat(88)}` : null,
      mustChangePassword: false,
      locale: 'en',
      batchId: earlierBatchId,
      chunk: Math.floor(index / CHUNK_SIZE),
      createdAt: new Date(stamp - 86_400_000 + index),
      activatedAt: active ? new Date(stamp - 3_600_000 + index) : null,
      searchKeys: memberSearchKeys(who),
    };
  });
  await insertAll(db.collection('accounts'), PERSONAL_MEMBERS, (index) => {
    const who = person(index, 'personal.example');
    const accountName = `${who.base}.p${index}`;
    return {
      _id: randomUUID(),
      type: 'personal',
      organizationId,
      joinedAt: new Date(stamp - 7_200_000 + index * 1000),
      email: who.email,
      emailNormalized: who.email,
      accountName,
      firstName: who.firstName,
      lastName: who.lastName,
      status: 'active',
      passwordHash: `scrypt$${'0'.repeat(32)}$${'1'.repeat(88)}`,
      mustChangePassword: false,
      locale: 'en',
      batchId: null,
      chunk: null,
      createdAt: new Date(stamp - 86_400_000),
      activatedAt: new Date(stamp - 86_400_000),
      searchKeys: memberSearchKeys({ ...who, accountName }),
    };
  });
  await insertAll(db.collection('email_reservations'), MEMBERS, (index) => ({ _id: members[index].email, organizationId, batchId: earlierBatchId, rowId: members[index]._id, line: index + 2, reservedAt }));
  await insertAll(db.collection('account_name_reservations'), MEMBERS, (index) => ({ _id: members[index].accountName, batchId: earlierBatchId, rowId: members[index]._id, reservedAt }));
  await db.collection('member_batches').insertOne(completedBatch(earlierBatchId, organizationId, MEMBERS, MEMBERS));
  await insertBatchRecords(db, earlierBatchId, MEMBERS, () => true);
  const review = await seedReviewBatch(db, organizationId, adminId, members);

  const otherBatches = Math.ceil(OTHER_ROWS / OTHER_BATCH_ROWS);
  for (let batch = 0; batch < otherBatches; batch += 1) {
    const rows = Math.min(OTHER_BATCH_ROWS, OTHER_ROWS - batch * OTHER_BATCH_ROWS);
    const otherOrganization = randomUUID();
    const batchId = randomUUID();
    const isValid = (index) => index % 50 !== 7;
    await db.collection('organizations').insertOne({ _id: otherOrganization, name: `Other ${batch}`, nameNormalized: `other ${batch} ${stamp}`, locale: 'fr', createdAt: reservedAt });
    const documents = Array.from({ length: rows }, (_, index) => batchRowDocument(batchId, otherOrganization, batch, index, isValid(index)));
    const held = documents.filter((document) => document.status === 'valid').map((document) => ({ document, details: JSON.parse(document.details) }));
    await insertAll(db.collection('batch_rows'), rows, (index) => documents[index]);
    await insertAll(db.collection('email_reservations'), held.length, (index) => ({ _id: held[index].details.emailNormalized, organizationId: otherOrganization, batchId, rowId: held[index].document._id, line: held[index].document.line, reservedAt }));
    await insertAll(db.collection('account_name_reservations'), held.length, (index) => ({ _id: held[index].details.accountName, batchId, rowId: held[index].document._id, reservedAt }));
    await db.collection('member_batches').insertOne(completedBatch(batchId, otherOrganization, rows, held.length));
    await insertBatchRecords(db, batchId, rows, isValid);
  }

  return { seconds: round((performance.now() - started) / 1000), otherBatches, memberId: members[Math.floor(MEMBERS / 2)]._id, review };
}

/** The organization's small batch under review, typed by the admin: it goes through the API, as the admin makes one. */
function typedEmails() {
  return Array.from({ length: BATCH_ROWS }, (_, index) => {
    const who = person(index * 7 + 3, 'newcomers.example');
    return index === 7 ? 'not-an-address@' : `${who.firstName} ${who.lastName} <${who.email}>`;
  });
}

/** Starts the members service once on the empty database so that mongoose creates its indexes. */
async function createIndexes(db) {
  const members = start('members (indexes)', 'dist/apps/members/src/main.js');
  const indexCount = async () => {
    const counts = {};
    for (const { name } of await db.listCollections({}, { nameOnly: true }).toArray()) {
      counts[name] = (await db.collection(name).listIndexes().toArray()).length;
    }
    return counts;
  };
  let last = '';
  let stableSince = 0;
  const counts = await waitFor('the members service to create its indexes', 120_000, async () => {
    const current = await indexCount();
    const ready = ['accounts', 'batch_rows', 'member_batches'].every((name) => (current[name] ?? 0) > 1);
    const key = JSON.stringify(current);
    if (key !== last) {
      last = key;
      stableSince = Date.now();
    }
    return ready && Date.now() - stableSince >= 3_000 ? current : undefined;
  });
  await stop(members);
  return counts;
}

// --- timing ------------------------------------------------------------------------------------

/** One call, timed until its whole answer is read; a refusal or a time-out is an answer too. */
async function request(method, path, headers, body) {
  const started = performance.now();
  try {
    const response = await fetch(`${BASE}${path}`, {
      method,
      headers: { ...headers, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(150_000),
    });
    const text = await response.text();
    return { ms: performance.now() - started, ok: response.ok, status: response.status, body: JSON.parse(text) };
  } catch (error) {
    return { ms: performance.now() - started, ok: false, status: error.name, body: null };
  }
}

function failure(answer) {
  return { ms: round(answer.ms), status: answer.status, code: answer.body?.code ?? null, ...(answer.location ? { location: answer.location } : {}) };
}

/**
 * One warm-up call, then up to CALLS timed ones, one after another, until BUDGET_MS is spent. A
 * call the gateway gives up on (503 after RPC_TIMEOUT_MS) is listed under `failures`; a second
 * failure ends the series (the members service is still working on those calls, which slows every
 * later one), and so does a failed warm-up.
 */
async function time(name, call) {
  say(`timing ${name}`);
  const started = performance.now();
  const warmUp = await call(-1);
  const samples = [];
  const failures = warmUp.ok ? [] : [failure(warmUp)];
  for (let index = 0; warmUp.ok && index < CALLS && performance.now() - started < BUDGET_MS; index += 1) {
    const answer = await call(index);
    if (answer.ok) {
      samples.push(answer.ms);
    } else {
      failures.push(failure(answer));
      if (failures.length >= 2) break;
    }
  }
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length === 0 ? null : sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  const result = {
    medianMs: median === null ? null : round(median),
    maxMs: sorted.length === 0 ? null : round(sorted[sorted.length - 1]),
    warmUpMs: round(warmUp.ms),
    samplesMs: samples.map(round),
    ...(failures.length > 0 ? { failures } : {}),
  };
  say(`${name}: median ${result.medianMs} ms, max ${result.maxMs} ms, ${samples.length} calls, ${failures.length} failed`);
  return { result, body: warmUp.ok ? warmUp.body : null };
}

// --- console -----------------------------------------------------------------------------------

/** RFC 6265: a cookie set for `cookiePath` goes with requests for that path and those below it. */
function pathMatches(requestPath, cookiePath) {
  return requestPath === cookiePath || (requestPath.startsWith(cookiePath) && (cookiePath.endsWith('/') || requestPath[cookiePath.length] === '/'));
}

/** The gateway's cookies as a browser keeps them: set and cleared by its answers, sent by path. */
class CookieJar {
  #cookies = new Map();

  keep(response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';').map((part) => part.trim());
      const name = pair.slice(0, pair.indexOf('='));
      const value = pair.slice(pair.indexOf('=') + 1);
      const attribute = (key) => attributes.find((candidate) => candidate.toLowerCase().startsWith(`${key}=`))?.slice(key.length + 1);
      const path = attribute('path') ?? '/';
      const expires = attribute('expires');
      const maxAge = attribute('max-age');
      const cleared = value === '' || (maxAge !== undefined ? Number(maxAge) <= 0 : expires !== undefined && Date.parse(expires) <= Date.now());
      if (cleared) this.#cookies.delete(`${path} ${name}`);
      else this.#cookies.set(`${path} ${name}`, { name, value, path });
    }
  }

  has(name) {
    return [...this.#cookies.values()].some((cookie) => cookie.name === name);
  }

  header(path) {
    const requestPath = path.split('?')[0];
    return [...this.#cookies.values()]
      .filter((cookie) => pathMatches(requestPath, cookie.path))
      .map((cookie) => `${cookie.name}=${cookie.value}`)
      .join('; ');
  }
}

/** A console page as a browser gets it, with its cookies, timed until the whole HTML is read; only a 200 in HTML is an answer. */
async function consolePage(jar, path, form) {
  const started = performance.now();
  const cookie = jar.header(path);
  try {
    const response = await fetch(`${BASE}${path}`, {
      method: form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: {
        accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
        'accept-language': 'en-GB,en;q=0.9,fr;q=0.8',
        ...(cookie ? { cookie } : {}),
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: form ? new URLSearchParams(form).toString() : undefined,
      signal: AbortSignal.timeout(150_000),
    });
    const body = await response.text();
    jar.keep(response);
    const ok = response.status === 200 && (response.headers.get('content-type') ?? '').startsWith('text/html');
    return { ms: performance.now() - started, ok, status: response.status, location: response.headers.get('location'), body };
  } catch (error) {
    return { ms: performance.now() - started, ok: false, status: error.name, body: null };
  }
}

/** Signs in as the admin's browser does: the form and its cookie, then the post; answers how long both took. */
async function consoleSignIn(jar) {
  const started = performance.now();
  const form = await consolePage(jar, '/console/sign-in');
  const token = /name="_csrf" value="([^"]+)"/.exec(form.body ?? '')?.[1];
  if (!form.ok || !token) throw new Error(`the console's sign-in page answered ${form.status}`);
  const answer = await consolePage(jar, '/console/sign-in', { email: ADMIN_EMAIL, password: PASSWORD, _csrf: token, next: '/console/members' });
  if (answer.status !== 303 || !jar.has('roster_console')) throw new Error(`the console's sign-in answered ${answer.status} ${answer.location ?? ''}`);
  return performance.now() - started;
}

/** What a page showed, to tell a page of rows from an empty or wrong one. */
function pageContents(html) {
  if (typeof html !== 'string') return null;
  const count = (pattern) => html.match(pattern)?.length ?? 0;
  const text = (pattern) => pattern.exec(html)?.[1].replace(/<[^>]+>/g, '').trim() ?? null;
  // Only what the page showed: a members page without `members` listed nobody.
  const contents = {
    bytes: Buffer.byteLength(html),
    members: count(/<tr id="member-/g),
    rows: count(/<tr id="row-/g),
    problemRows: count(/<tr id="row-[^"]*" class="problem"/g),
    imports: count(/<td><a href="\/console\/batches\//g),
    counts: text(/<p class="counts"[^>]*>(.*?)<\/p>/s),
    paging: text(/<nav class="paging"[^>]*>.*?<span>(.*?)<\/span>/s),
  };
  return Object.fromEntries(Object.entries(contents).filter(([, value]) => value !== 0 && value !== null));
}

// --- main --------------------------------------------------------------------------------------

let client;
let vhostAdded = false;
let cleanedUp;

/** Stops the services, drops this run's database and vhost; once, from `finally` or a signal. */
function cleanUp() {
  cleanedUp ??= (async () => {
    await Promise.all([...children].map(stop));
    if (client && DATABASE.startsWith('roster_interactive_')) {
      say(`dropping ${DATABASE}`);
      await client.db().dropDatabase().catch((error) => say(`could not drop ${DATABASE}: ${error.message}`));
      await client.close().catch(() => undefined);
    }
    if (vhostAdded) {
      try {
        run('rabbitmqctl', ['-q', 'delete_vhost', VHOST], { timeout: 60_000 });
      } catch (error) {
        say(`could not delete vhost ${VHOST}: ${error.message}`);
      }
    }
  })();
  return cleanedUp;
}

async function main() {
  if (!values['no-build']) {
    say('building');
    run('npm', ['run', 'build', '--silent']);
  }
  // The services run from dist/: the commit it was (presumably) built from, and whether apps/ or libs/ had changes.
  const code = { commit: run('git', ['rev-parse', '--short', 'HEAD']).trim(), changedFiles: run('git', ['status', '--porcelain', '--', 'apps', 'libs']).split('\n').filter(Boolean).length };
  client = await new MongoClient(MONGO_URL, { serverSelectionTimeoutMS: 10_000, socketTimeoutMS: 600_000 }).connect();
  try {
    const db = client.db();
    const server = await db.admin().command({ buildInfo: 1 });
    if ((await db.listCollections().toArray()).length > 0) throw new Error(`${DATABASE} is not empty`);

    run('rabbitmqctl', ['-q', 'add_vhost', VHOST], { timeout: 60_000 });
    vhostAdded = true;
    run('rabbitmqctl', ['-q', 'set_permissions', '-p', VHOST, 'guest', '.*', '.*', '.*'], { timeout: 60_000 });

    say(`creating indexes in ${DATABASE}; service logs in ${LOGS}`);
    const indexes = await createIndexes(db);
    const created = JSON.parse(
      run(process.execPath, ['dist/apps/members/src/cli/admin-create.js', '--organization', `Interactive ${DATABASE}`, '--email', ADMIN_EMAIL], {
        env: { ...process.env, ...ENV },
        input: `${PASSWORD}\n`,
        timeout: 120_000,
      }),
    );
    say(`seeding ${MEMBERS} members, an import of ${REVIEW_BATCH_ROWS} rows under review and ${OTHER_ROWS} rows of other batches`);
    const missing = SEEDED_COLLECTIONS.filter((name) => !(name in indexes));
    if (missing.length > 0) say(`warning: the members service made no ${missing.join(', ')}: the seed may no longer match its schemas`);
    const seeded = await seed(db, created.organizationId, created.adminId);
    // The seed writes statuses as 0.6 did, marking no chunk: the start below then marks them all, as the upgrade to 0.7 does.
    await db.collection('completed_migrations').deleteOne({ _id: 'chunks-marked-for-status-counts' });

    say('starting the members service and the gateway');
    start('members', 'dist/apps/members/src/main.js');
    start('gateway', 'dist/apps/gateway/src/main.js');
    await waitFor('the gateway and the members service', 180_000, async () => ((await fetch(`${BASE}/health`, { signal: AbortSignal.timeout(10_000) })).ok ? true : undefined));
    // Until its first start has checked every account's search keys, a search reads every member.
    await waitFor('the search keys check', 600_000, async () => ((await db.collection('completed_migrations').findOne({ _id: 'accounts-keep-search-keys' })) ? true : undefined));
    // Until then a status filter counts every chunk it has no counts for; after, the first one counts every marked chunk (the warm-up call).
    await waitFor('the chunks marked for status counts', 600_000, async () => ((await db.collection('completed_migrations').findOne({ _id: 'chunks-marked-for-status-counts' })) ? true : undefined));
    const loadBefore = loadavg().map(round);
    const login = await request('POST', '/api/v1/auth/login', {}, { email: ADMIN_EMAIL, password: PASSWORD });
    if (!login.ok) throw new Error(`sign-in answered ${login.status}: ${JSON.stringify(login.body)}`);
    const auth = { authorization: `Bearer ${login.body.accessToken}` };

    say(`creating a batch of ${BATCH_ROWS} typed addresses`);
    const typed = await request('POST', '/api/v1/member-batches', auth, { emails: typedEmails() });
    if (!typed.ok || typed.body.status !== 'ready') throw new Error(`the typed batch answered ${typed.status}: ${JSON.stringify(typed.body).slice(0, 500)}`);
    const rowId = typed.body.rows.find((row) => row.status === 'valid').id;
    const batchPath = `/api/v1/member-batches/${typed.body.id}`;
    const getBatch = await time('GET batch', () => request('GET', batchPath, auth));
    const getRows = await time('GET batch rows', () => request('GET', `${batchPath}/rows?page=1`, auth));
    const patchRow = await time('PATCH batch row', (index) => request('PATCH', `${batchPath}/rows/${rowId}`, auth, { firstName: `Bench${index + 1}` }));
    const listMembers = await time('GET members', () => request('GET', '/api/v1/members?page=1', auth));
    const middlePage = Math.max(1, Math.ceil(MEMBERS / 100));
    const listMembersMiddle = await time(`GET members page=${middlePage}`, () => request('GET', `/api/v1/members?page=${middlePage}`, auth));
    const searchMembers = await time('GET members q=', () => request('GET', `/api/v1/members?page=1&q=${SEARCH_TERM}`, auth));
    const pendingMembers = await time('GET members status=', () => request('GET', '/api/v1/members?page=1&status=pending_activation', auth));
    const pendingMembersPage2 = await time('GET members status= page=2', () => request('GET', '/api/v1/members?page=2&status=pending_activation', auth));
    const activeMembers = await time('GET members status=active', () => request('GET', '/api/v1/members?page=1&status=active', auth));
    // Each call follows a suspension or reactivation (not timed) of a member, whose chunk the filter then counts again.
    const pendingAfterChange = await time('GET members status= after a status change', async (index) => {
      const change = await request((index + 1) % 2 === 0 ? 'POST' : 'DELETE', `/api/v1/members/${seeded.memberId}/suspension`, auth);
      if (!change.ok) return change;
      return request('GET', '/api/v1/members?page=1&status=pending_activation', auth);
    });
    const searchActiveMembers = await time('GET members q= status=active', () => request('GET', `/api/v1/members?page=1&status=active&q=${SEARCH_TERM}`, auth));
    const searchShort = await time(`GET members q=${SHORT_SEARCH_TERM}`, () => request('GET', `/api/v1/members?page=1&q=${SHORT_SEARCH_TERM}`, auth));
    const getMember = await time('GET member', () => request('GET', `/api/v1/members/${seeded.memberId}`, auth));

    say('signing in to the console');
    const jar = new CookieJar();
    const consoleSignInMs = await consoleSignIn(jar);
    const view = (path) => () => consolePage(jar, path);
    const pages = {};
    const timePage = async (key, name, path) => {
      const { result, body } = await time(name, view(path));
      pages[key] = { path, result, shown: pageContents(body) };
    };
    await timePage('membersPage1', 'console members', '/console/members');
    await timePage(`membersPage${middlePage}`, `console members page=${middlePage}`, `/console/members?page=${middlePage}`);
    await timePage('searchMembers', 'console members q=', `/console/members?q=${SEARCH_TERM}`);
    await timePage('listPendingMembers', 'console members status=', '/console/members?status=pending_activation');
    const reviewPath = `/console/batches/${seeded.review.batchId}`;
    const reviewMiddlePage = Math.ceil(REVIEW_BATCH_ROWS / 100);
    await timePage('reviewPage1', 'console review', reviewPath);
    await timePage(`reviewPage${reviewMiddlePage}`, `console review page=${reviewMiddlePage}`, `${reviewPath}?page=${reviewMiddlePage}`);
    await timePage('reviewShowReady', 'console review show=ready', `${reviewPath}?show=ready`);
    await timePage('reviewShowProblems', 'console review show=problems', `${reviewPath}?show=problems`);
    await timePage('importsList', 'console imports', '/console/batches');

    console.log(
      JSON.stringify(
        {
          label: values.label,
          server: { version: server.version, ferretdbVersion: server.ferretdbVersion ?? null },
          mongoUrl: values['mongo-url'],
          // The services ran from dist/: the commit it was built from, and whether the tree had changes.
          code,
          // Other work on the machine skews the figures: the load average before and after the calls.
          host: { cpus: cpus().length, loadAverageBefore: loadBefore, loadAverageAfter: loadavg().map(round) },
          seed: {
            members: MEMBERS,
            otherRows: OTHER_ROWS,
            otherBatches: seeded.otherBatches,
            batchRows: BATCH_ROWS,
            reviewBatchRows: REVIEW_BATCH_ROWS,
            reviewBatchProblems: seeded.review.invalid,
            seconds: seeded.seconds,
            indexes,
          },
          callsEach: CALLS,
          budgetSecondsEach: BUDGET_MS / 1000,
          rpcTimeoutMs: Number(ENV.RPC_TIMEOUT_MS),
          timingsMs: {
            createTypedBatchOnce: round(typed.ms),
            getBatch: getBatch.result,
            getBatchRowsPage1: getRows.result,
            patchBatchRowFirstName: patchRow.result,
            listMembersPage1: listMembers.result,
            [`listMembersPage${middlePage}`]: listMembersMiddle.result,
            searchMembers: searchMembers.result,
            listPendingMembers: pendingMembers.result,
            listPendingMembersPage2: pendingMembersPage2.result,
            listActiveMembers: activeMembers.result,
            listPendingMembersAfterStatusChange: pendingAfterChange.result,
            searchActiveMembers: searchActiveMembers.result,
            searchMembersShort: searchShort.result,
            getMember: getMember.result,
          },
          // The console's pages as a browser gets them (the whole HTML, with the session cookie), 50 rows a page.
          console: {
            signInOnceMs: round(consoleSignInMs),
            ...Object.fromEntries(Object.entries(pages).map(([key, page]) => [key, page.result])),
          },
          // Broker restarts (another test stopping RabbitMQ) make calls fail for reasons of their own.
          brokerConnectionsLost: countInLog('members', 'RabbitMQ connection lost') + countInLog('gateway', 'RabbitMQ connection lost'),
          answers: {
            batchStatus: getBatch.body?.status,
            rowsTotal: getRows.body?.total,
            patchedRowStatus: patchRow.body?.status,
            membersTotal: listMembers.body?.total,
            middlePageMembers: listMembersMiddle.body?.items?.length,
            pendingTotal: pendingMembers.body?.total,
            activeTotal: activeMembers.body?.total,
            searchTerm: SEARCH_TERM,
            searchTotal: searchMembers.body?.total,
            searchActiveTotal: searchActiveMembers.body?.total,
            shortSearchTerm: SHORT_SEARCH_TERM,
            shortSearchTotal: searchShort.body?.total,
            memberStatus: getMember.body?.status,
            // What each console page showed (its warm-up answer): rows listed, its counts line, its position.
            console: Object.fromEntries(Object.entries(pages).map(([key, page]) => [key, { path: page.path, ...page.shown }])),
          },
        },
        null,
        2,
      ),
    );
  } finally {
    await cleanUp();
  }
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    say(`${signal}: cleaning up`);
    void cleanUp().finally(() => process.exit(130));
  });
}

main().catch((error) => {
  // A driver error lists every write error; its message and code say enough.
  console.error(error.code === undefined ? error : `${error.name}: ${error.message} (code ${error.code})`);
  process.exitCode = 1;
});
