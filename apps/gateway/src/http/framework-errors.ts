import { type ApiErrorBody, ErrorCode } from '@app/contracts';
import { describeSize, JSON_BODY_LIMIT_BYTES } from './request-body-limits';

/** An error raised before any of our code ran: by Express, its body parsers, multer or Nest's router. */
export interface FrameworkError {
  status: number;
  message: string;
  /** The body parser's or multer's own error, which Nest keeps as the cause of its exception. */
  cause?: unknown;
}

export interface FailedRequest {
  method: string;
  path: string;
  /** The methods other routes answer at this path: a wrong method is 405, not 404. */
  allowedMethods: string[];
}

interface ParserError {
  /** body-parser's kind of error, e.g. `entity.too.large`. */
  type?: string;
  /** multer's kind of error, e.g. `LIMIT_FILE_SIZE`. */
  code?: string;
  limit?: number;
  field?: string;
}

function body(statusCode: number, code: ErrorCode, message: string): ApiErrorBody {
  return { statusCode, code, message };
}

const invalid = (message: string) => body(422, ErrorCode.ValidationFailed, message);
const tooManyFields = () => body(413, ErrorCode.BodyTooLarge, 'The form has too many fields.');

function fromBodyParser(cause: ParserError): ApiErrorBody | undefined {
  switch (cause.type) {
    case 'entity.parse.failed':
      return invalid('The request body is not valid JSON.');
    case 'entity.too.large': {
      const limit = cause.limit ?? JSON_BODY_LIMIT_BYTES;
      // The JSON limit is the one a long list of typed addresses meets; the others are forms'.
      const hint = limit === JSON_BODY_LIMIT_BYTES ? '; add more members with a CSV file' : '';
      return body(413, ErrorCode.BodyTooLarge, `The request body is larger than the ${describeSize(limit)} this server accepts${hint}.`);
    }
    case 'parameters.too.many':
      return tooManyFields();
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return body(415, ErrorCode.UnsupportedMediaType, 'The request body must be UTF-8.');
    default:
      return undefined;
  }
}

function fromMulter(cause: ParserError, importMaxBytes: number): ApiErrorBody | undefined {
  switch (cause.code) {
    case 'LIMIT_FILE_SIZE':
      return body(413, ErrorCode.FileTooLarge, `The file is larger than the ${describeSize(importMaxBytes)} this server accepts; split it into smaller files.`);
    case 'LIMIT_FIELD_VALUE':
      return body(
        413,
        ErrorCode.BodyTooLarge,
        `The form field${cause.field ? ` "${cause.field}"` : ''} is larger than the ${describeSize(JSON_BODY_LIMIT_BYTES)} this server accepts; add more members with a CSV file.`,
      );
    case 'LIMIT_UNEXPECTED_FILE':
      return invalid(`Send the CSV file in the multipart field "file"${cause.field ? `, not "${cause.field}"` : ''}.`);
    case 'LIMIT_FILE_COUNT':
      return invalid('Send one file at a time.');
    case 'LIMIT_FIELD_COUNT':
    case 'LIMIT_PART_COUNT':
      return tooManyFields();
    case undefined:
      return undefined;
    default:
      return invalid('The multipart form could not be read.');
  }
}

/**
 * What the framework answers, in the API's own words and shape: malformed input is 422
 * `validation_failed` like any other bad input, a body over its limit is 413 naming the limit,
 * an unknown path 404, a known path with another method 405. No parser's or framework's wording
 * reaches the client. Undefined: nothing to translate.
 */
export function translateFrameworkError(error: FrameworkError, request: FailedRequest, importMaxBytes: number): ApiErrorBody | undefined {
  const cause = (typeof error.cause === 'object' && error.cause !== null ? error.cause : {}) as ParserError;
  const translated = fromBodyParser(cause) ?? fromMulter(cause, importMaxBytes);
  if (translated) return translated;
  switch (error.status) {
    case 400:
      return invalid(error.message.startsWith('Multipart') ? 'The multipart form could not be read.' : 'The request could not be read.');
    case 404:
      return request.allowedMethods.length > 0
        ? body(405, ErrorCode.MethodNotAllowed, `${request.path} answers ${request.allowedMethods.join(', ')}, not ${request.method}.`)
        : body(404, ErrorCode.NotFound, `There is nothing at ${request.method} ${request.path}.`);
    case 413:
      return body(413, ErrorCode.BodyTooLarge, 'The request is larger than this server accepts.');
    case 415:
      return body(415, ErrorCode.UnsupportedMediaType, 'Send JSON (application/json), or a file as multipart/form-data.');
    default:
      return undefined;
  }
}
