import { translateFrameworkError } from './framework-errors';

const request = { method: 'POST', path: '/api/v1/member-batches', allowedMethods: [] };
const MB = 1024 * 1024;
const translate = (status: number, cause?: object, message = 'framework words', allowedMethods: string[] = []) =>
  translateFrameworkError({ status, message, cause }, { ...request, allowedMethods }, 50 * MB);

describe('translateFrameworkError: what the framework answers, in the API\'s words', () => {
  it.each<[string, number, object | undefined, { statusCode: number; code: string; message: string }]>([
    ['malformed JSON', 400, { type: 'entity.parse.failed' }, { statusCode: 422, code: 'validation_failed', message: 'The request body is not valid JSON.' }],
    [
      'a JSON body over its limit, naming it',
      413,
      { type: 'entity.too.large', limit: MB },
      { statusCode: 413, code: 'body_too_large', message: 'The request body is larger than the 1 MB this server accepts; add more members with a CSV file.' },
    ],
    [
      'a form over its limit',
      413,
      { type: 'entity.too.large', limit: 16 * 1024 },
      { statusCode: 413, code: 'body_too_large', message: 'The request body is larger than the 16 KB this server accepts.' },
    ],
    ['a charset other than UTF-8', 415, { type: 'charset.unsupported' }, { statusCode: 415, code: 'unsupported_media_type', message: 'The request body must be UTF-8.' }],
    [
      'a file over IMPORT_MAX_BYTES',
      413,
      { code: 'LIMIT_FILE_SIZE' },
      { statusCode: 413, code: 'file_too_large', message: 'The file is larger than the 50 MB this server accepts; split it into smaller files.' },
    ],
    [
      'a multipart text field over the JSON limit',
      413,
      { code: 'LIMIT_FIELD_VALUE', field: 'emails' },
      { statusCode: 413, code: 'body_too_large', message: 'The form field "emails" is larger than the 1 MB this server accepts; add more members with a CSV file.' },
    ],
    ['a file in another field', 400, { code: 'LIMIT_UNEXPECTED_FILE', field: 'upload' }, { statusCode: 422, code: 'validation_failed', message: 'Send the CSV file in the multipart field "file", not "upload".' }],
    ['two files', 400, { code: 'LIMIT_FILE_COUNT' }, { statusCode: 422, code: 'validation_failed', message: 'Send one file at a time.' }],
    ['too many form fields', 400, { code: 'LIMIT_FIELD_COUNT' }, { statusCode: 413, code: 'body_too_large', message: 'The form has too many fields.' }],
    ['a malformed multipart form', 400, undefined, { statusCode: 422, code: 'validation_failed', message: 'The request could not be read.' }],
    ['multipart that is not form-data', 415, undefined, { statusCode: 415, code: 'unsupported_media_type', message: expect.stringContaining('application/json') }],
    ['an unknown path', 404, undefined, { statusCode: 404, code: 'not_found', message: 'There is nothing at POST /api/v1/member-batches.' }],
  ])('%s', (_case, status, cause, expected) => {
    expect(translate(status, cause)).toEqual(expected);
  });

  it('answers 405 for a path that other methods answer', () => {
    expect(translate(404, undefined, 'Cannot DELETE', ['GET', 'HEAD', 'POST'])).toEqual({
      statusCode: 405,
      code: 'method_not_allowed',
      message: '/api/v1/member-batches answers GET, HEAD, POST, not POST.',
    });
  });

  it('says nothing of the framework\'s own words', () => {
    expect(translate(400, { type: 'entity.parse.failed' }, 'Unexpected token \'}\', "{" is not valid JSON')?.message).toBe('The request body is not valid JSON.');
    expect(translate(400, undefined, 'Multipart: Malformed part header')?.message).toBe('The multipart form could not be read.');
  });

  it('leaves other statuses to the caller', () => {
    expect(translate(409)).toBeUndefined();
  });
});
