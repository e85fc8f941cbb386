import { eventually, type SignedInAdmin, TestStack } from '@app/testing';
import { verifiedPersonalAccount } from './support/personal-account-fixtures';
import { NOTIFICATIONS_FOR_TESTS, rosterApps } from './support/roster-apps';
import { runSchemathesis, SCHEMATHESIS_OUTPUT } from './support/schemathesis';

jest.setTimeout(60_000);

interface OpenApiDocument {
  paths: Record<string, Record<string, { parameters?: { name: string; in: string; schema: { type?: string } }[]; responses: Record<string, { content?: Record<string, unknown> }> }>>;
  components: { schemas: Record<string, unknown> };
}

function references(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(references);
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) => (key === '$ref' && typeof inner === 'string' ? [inner] : references(inner)));
}

/** 5,000 addresses with names, as an admin pastes them from a mail client: about 250 KB. */
function typedAddresses(domain: string): string[] {
  return Array.from({ length: 5_000 }, (_, index) => `Person${index} Surname${index} <person${index}.surname${index}@${domain}>`);
}

describe('the API contract: /docs/openapi.json says what the gateway answers', () => {
  const stack = new TestStack('api_contract', rosterApps);
  let admin: SignedInAdmin;
  let memberId: string;
  let invitationId: string;
  let review: { id: string; rows: { id: string; email: string; status: string; notices: { code: string }[] }[] };

  const auth = () => ({ Authorization: `Bearer ${admin.token}` });
  const batchPath = () => `/api/v1/member-batches/${review.id}`;

  async function readyBatch(batchId: string, timeoutMs: number) {
    return eventually(
      async () => {
        const batch = (await stack.http().get(`/api/v1/member-batches/${batchId}`).set(auth()).expect(200)).body;
        if (batch.status === 'failed') throw new Error(`batch failed: ${batch.failureReason}`);
        return batch.status === 'ready' ? batch : undefined;
      },
      timeoutMs,
      `batch ${batchId} ready`,
    );
  }

  beforeAll(async () => {
    await stack.start({ notifications: NOTIFICATIONS_FOR_TESTS });
    admin = await stack.signInNewAdmin('Contract', 'admin@contract.example');
    memberId = (await stack.addMembers(admin, ['ada@contract.example', 'bob@contract.example'])).memberIds[0];
    // A real invitation of a personal account, so that its routes answer past 404 too.
    const person = await verifiedPersonalAccount(stack, 'pat.contract', 'pat@contract.example');
    invitationId = (await stack.http().post('/api/v1/invitations').set(auth()).send({ accountName: person.accountName }).expect(201)).body.id;
    review = (
      await stack
        .http()
        .post('/api/v1/member-batches')
        .set(auth())
        .send({ emails: ['carol@contract.example', '=cmd|calc@contract.example'] })
        .expect(201)
    ).body;
  }, 120_000);

  afterAll(() => stack.stop());

  it('documents a success answer for every operation, page and limit as integers, and every $ref resolves', async () => {
    const document: OpenApiDocument = (await stack.http().get('/docs/openapi.json').expect(200)).body;
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        expect([`${method} ${path}`, Object.keys(operation.responses).some((status) => status.startsWith('2'))]).toEqual([`${method} ${path}`, true]);
        for (const parameter of operation.parameters ?? []) {
          if (['page', 'limit'].includes(parameter.name)) expect([path, parameter.name, parameter.schema.type]).toEqual([path, parameter.name, 'integer']);
        }
      }
    }
    for (const reference of references(document)) {
      expect(document.components.schemas[reference.replace('#/components/schemas/', '')]).toBeDefined();
    }
    const batches = document.paths['/api/v1/member-batches'];
    expect(Object.keys(batches.post.responses)).toEqual(expect.arrayContaining(['201', '202', '413', '422']));
    expect(Object.keys(batches.get.responses)).toContain('200');
    expect(Object.keys(document.paths['/api/v1/member-batches/{batchId}/commit'].post.responses)).toContain('202');
    const errorsCsv = document.paths['/api/v1/member-batches/{batchId}/errors.csv'].get.responses;
    expect(Object.keys(errorsCsv['200'].content ?? {})).toEqual(['text/csv']);
    expect(Object.keys(errorsCsv['404'].content ?? {})).toEqual(['application/json']);
  });

  it('answers malformed JSON with 422 validation_failed, in its own words', async () => {
    for (const path of ['/api/v1/member-batches', '/api/v1/auth/login']) {
      const response = await stack.http().post(path).set(auth()).set('Content-Type', 'application/json').send('{"emails": ').expect(422);
      expect(response.body).toEqual({ statusCode: 422, code: 'validation_failed', message: 'The request body is not valid JSON.' });
    }
  });

  it('refuses a PATCH that changes nothing, and a null field with 422 (never 500)', async () => {
    const row = `${batchPath()}/rows/${review.rows[0].id}`;
    const empty = await stack.http().patch(row).set(auth()).expect(422);
    expect(empty.body).toMatchObject({ code: 'validation_failed', message: expect.stringContaining('Send at least one of accountName, firstName, lastName, password') });
    await stack.http().patch(row).set(auth()).send({}).expect(422);
    for (const field of ['accountName', 'firstName', 'lastName', 'password']) {
      const response = await stack.http().patch(row).set(auth()).send({ [field]: null });
      expect([field, response.status, response.body.code]).toEqual([field, 422, 'validation_failed']);
    }
  });

  it('refuses control characters in a search or a name with 422, where a NUL once made the search answer 500', async () => {
    const search = await stack.http().get('/api/v1/members?q=jane%00').set(auth()).expect(422);
    expect(search.body.message).toBe('q must not contain control characters');
    const name = await stack.http().patch(`${batchPath()}/rows/${review.rows[0].id}`).set(auth()).send({ firstName: 'Ja\u0000ne' }).expect(422);
    expect(name.body.message).toBe('firstName must not contain control characters');
    // Schemathesis found the sign-ins answering 500 for a NUL in the login.
    const credentials = { login: 'ja\u0000ne', password: 'Whatever-Password-1' };
    for (const [path, body] of [
      ['/api/v1/auth/member-login', credentials],
      ['/api/v1/auth/member-password', { ...credentials, newPassword: 'Another-Password-22' }],
    ] as const) {
      const login = await stack.http().post(path).send(body).expect(422);
      expect(login.body.message).toBe('login must not contain control characters');
    }
  });

  it('ignores query parameters it does not know, such as a cache-buster, and refuses unknown body fields', async () => {
    await stack.http().get('/api/v1/member-batches?_=1').set(auth()).expect(200);
    const rows = await stack.http().get(`${batchPath()}/rows?_=1&page=1&utm_source=mail`).set(auth()).expect(200);
    expect(rows.body.items).toHaveLength(2);
    await stack.http().get('/api/v1/members?_=1712345678').set(auth()).expect(200);
    const unknownField = await stack.http().post('/api/v1/member-batches').set(auth()).send({ emails: 'x@contract.example', emial: 'y' }).expect(422);
    expect(unknownField.body.message).toBe('emial is not a field of this request.');
  });

  it('answers an id that is not a UUID with 404 in the words used for an unknown one, a wrong method with 405', async () => {
    const notUuid = await stack.http().get('/api/v1/member-batches/42').set(auth()).expect(404);
    expect(notUuid.body).toEqual({ statusCode: 404, code: 'not_found', message: 'This batch was not found.' });
    const unknown = await stack.http().get('/api/v1/members/9bc8d821-d451-4ef8-86e8-2676e7e4e4f1').set(auth()).expect(404);
    expect(unknown.body.message).toBe('This member was not found.');
    const wrongMethod = await stack.http().delete('/api/v1/member-batches').set(auth()).expect(405);
    expect(wrongMethod.headers.allow).toBe('GET, HEAD, POST');
    expect(wrongMethod.body.code).toBe('method_not_allowed');
    await stack.http().get('/api/v1/nothing-here').set(auth()).expect(404);
  });

  it('answers errors.csv of an unknown batch with a JSON 404, as documented', async () => {
    const response = await stack.http().get('/api/v1/member-batches/9bc8d821-d451-4ef8-86e8-2676e7e4e4f1/errors.csv').set(auth()).expect(404);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.body.code).toBe('not_found');
  });

  it('keeps an address a spreadsheet would read as a formula valid, with the notice formula_like_email', () => {
    const formula = review.rows.find((row) => row.email === '=cmd|calc@contract.example')!;
    expect(formula.status).toBe('valid');
    expect(formula.notices.map((notice) => notice.code)).toEqual(['formula_like_email']);
    expect(review.rows[0].notices).toEqual([]);
  });

  it('takes the 5,000 addresses an admin may type as JSON: 202 at once, then ready', async () => {
    const emails = typedAddresses('json.contract.example');
    expect(JSON.stringify({ emails }).length).toBeGreaterThan(100 * 1024);
    const started = Date.now();
    const response = await stack.http().post('/api/v1/member-batches').set(auth()).send({ emails }).expect(202);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(response.body).toMatchObject({ status: 'validating', source: 'emails', counts: { total: 5_000 } });
    expect(response.body.rows).toBeUndefined();
    const batch = await readyBatch(response.body.id, 90_000);
    expect(batch.counts).toMatchObject({ total: 5_000, valid: 5_000, invalid: 0 });
    const last = (await stack.http().get(`/api/v1/member-batches/${batch.id}/rows?page=10&limit=500`).set(auth()).expect(200)).body.items.at(-1);
    expect(last).toMatchObject({ line: 5_000, email: 'person4999.surname4999@json.contract.example', firstName: 'Person4999', lastName: 'Surname4999' });
  }, 120_000);

  it('takes 5,000 addresses as a multipart field: 202 at once with the batch, so a retry with its key makes no second one', async () => {
    const emails = typedAddresses('form.contract.example').join('\n');
    const send = () => stack.http().post('/api/v1/member-batches').set(auth()).set('Idempotency-Key', 'form-5000').field('emails', emails);
    const first = await send().expect(202);
    expect(first.body).toMatchObject({ status: 'validating', counts: { total: 5_000 } });
    const again = await send().expect(202);
    expect(again.body.id).toBe(first.body.id);
    const batch = await readyBatch(first.body.id, 90_000);
    expect(batch.counts).toMatchObject({ total: 5_000, valid: 5_000 });
  }, 120_000);

  it('refuses a JSON body over 1 MB with 413 body_too_large naming that limit, not the file limit', async () => {
    const huge = { emails: 'x'.repeat(1024 * 1024) };
    for (const path of ['/api/v1/member-batches', '/api/v1/auth/login']) {
      const response = await stack.http().post(path).set(auth()).send(huge).expect(413);
      expect(response.body).toEqual({
        statusCode: 413,
        code: 'body_too_large',
        message: 'The request body is larger than the 1 MB this server accepts; add more members with a CSV file.',
      });
    }
    const field = await stack.http().post('/api/v1/member-batches').set(auth()).field('emails', `${huge.emails}x`).expect(413);
    expect(field.body).toMatchObject({ code: 'body_too_large', message: expect.stringContaining('the 1 MB this server accepts') });
  });

  it('passes schemathesis: no 5xx, and every status, content type and body as documented', async () => {
    const run = await runSchemathesis({
      schemaUrl: `${stack.gateway.url}/docs/openapi.json`,
      headers: auth(),
      pathParameters: { batchId: review.id, rowId: review.rows[0].id, memberId, invitationId },
      checks: 'all',
      // Schema-valid input may still break a business rule the schema cannot say (a weak
      // password, a taken name, wrong credentials): a 4xx then is right.
      excludeChecks: 'positive_data_acceptance',
      // Schemathesis's list, with 413: a list longer than allowed is also a body over 1 MB.
      rejectionStatuses: [400, 401, 403, 404, 405, 406, 409, 413, 415, 422, 428, 429],
      maxExamples: 40,
      timeoutMs: 150_000,
    });
    if (run.timedOut || run.exitCode !== 0) {
      throw new Error(`schemathesis ${run.timedOut ? 'ran out of time' : `exited with ${run.exitCode}`} (whole report: ${SCHEMATHESIS_OUTPUT}):\n${run.output.slice(-20_000)}`);
    }
  }, 180_000);
});
