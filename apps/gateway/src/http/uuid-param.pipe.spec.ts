import { UuidParam } from './uuid-param.pipe';
import type { ApiException } from './api.exception';

describe('UuidParam', () => {
  const pipe = new UuidParam('This batch');

  it('passes a UUID v4 on, in lower case', () => {
    expect(pipe.transform('9BC8D821-D451-4EF8-86E8-2676E7E4E4F1')).toBe('9bc8d821-d451-4ef8-86e8-2676e7e4e4f1');
  });

  it.each(['1', 'not-a-uuid', '9bc8d821-d451-1ef8-86e8-2676e7e4e4f1', ''])('answers %j as an id that names nothing, without the framework\'s words', (value) => {
    let thrown: ApiException | undefined;
    try {
      pipe.transform(value);
    } catch (error) {
      thrown = error as ApiException;
    }
    expect(thrown?.getResponse()).toEqual({ statusCode: 404, code: 'not_found', message: 'This batch was not found.' });
  });
});
