import { MembersQuery } from './members-query.dto';
import type { ApiException } from '../../http/api.exception';
import { createValidationPipe } from '../../http/validation.pipe';

const pipe = createValidationPipe();
const query = (value: Record<string, string>) => pipe.transform(value, { type: 'query', metatype: MembersQuery });
const refusal = (value: Record<string, string>) => query(value).then(() => Promise.reject(new Error('accepted')), (error: ApiException) => error.getResponse());

describe('the members list query, and the page query every /api/v1 list shares', () => {
  it('turns the query string into numbers, with the defaults', async () => {
    expect(await query({ page: '3' })).toMatchObject({ page: 3, limit: 50 });
  });

  it.each([
    [{ page: '0' }, 'page starts at 1'],
    [{ page: 'two' }, 'page must be a whole number'],
    [{ limit: '0' }, 'limit must be at least 1'],
    [{ limit: '501' }, 'limit must be at most 500'],
    [{ page: '58328447623307623601203576832' }, 'page must be at most 10000000'],
    [{ q: 'jane\u0000' }, 'q must not contain control characters'],
  ])('refuses %j: %s', async (value, message) => {
    const answer = (await refusal(value)) as { code: string; details: { message: string }[] };
    expect(answer.code).toBe('validation_failed');
    expect(answer.details.map((detail) => detail.message)).toContain(message);
  });
});
