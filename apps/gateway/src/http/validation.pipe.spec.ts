import { IsString } from 'class-validator';
import type { ApiException } from './api.exception';
import { PageQuery } from './page-query.dto';
import { createValidationPipe } from './validation.pipe';

class NameBody {
  @IsString()
  name: string;
}

const pipe = createValidationPipe();
const refusal = (promise: Promise<unknown>) => promise.then(() => Promise.reject(new Error('accepted')), (error: ApiException) => error.getResponse());

describe('the gateway\'s validation pipe', () => {
  it('ignores a query parameter it does not know, such as a cache-buster', async () => {
    const query = await pipe.transform({ page: '2', _: '1', utm_source: 'mail' }, { type: 'query', metatype: PageQuery });
    expect(query).toEqual(Object.assign(new PageQuery(), { page: 2, limit: 50 }));
  });

  it('still refuses a bad value of a parameter it knows', async () => {
    const answer = await refusal(pipe.transform({ page: 'two', _: '1' }, { type: 'query', metatype: PageQuery }));
    expect(answer).toMatchObject({ statusCode: 422, code: 'validation_failed' });
    expect((answer as { details: { message: string }[] }).details.map((detail) => detail.message)).toContain('page must be a whole number');
  });

  it('refuses a body field it does not know, in its own words', async () => {
    const answer = await refusal(pipe.transform({ name: 'Jane', nmae: 'Jane' }, { type: 'body', metatype: NameBody }));
    expect(answer).toMatchObject({
      statusCode: 422,
      code: 'validation_failed',
      message: 'nmae is not a field of this request.',
      details: [{ field: 'nmae', code: 'validation_failed', message: 'nmae is not a field of this request.' }],
    });
  });
});
