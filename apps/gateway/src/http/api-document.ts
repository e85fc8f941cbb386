import type { INestApplication } from '@nestjs/common';
import { ApiExtension, type ContentObject, DocumentBuilder, type OpenAPIObject, type OperationObject, type ResponseObject, SwaggerModule } from '@nestjs/swagger';
import { ErrorCode } from '@app/contracts';
import { errorBodySchema, errorResponseDescription } from './api-error-responses.decorator';
import { describeSize, JSON_BODY_LIMIT_BYTES } from './request-body-limits';

const REQUEST_BODY_CONTENT = 'x-request-body-content';
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/**
 * A request body that differs by content type (`@ApiBody` gives every type the same schema):
 * JSON one shape, a multipart form another.
 */
export function ApiRequestBodyContent(content: ContentObject): MethodDecorator {
  return ApiExtension(REQUEST_BODY_CONTENT, content) as MethodDecorator;
}

/** Adds `codes` to the operation's error response of `status`, creating it if needed. */
function addErrorCodes(operation: OperationObject, status: number, codes: string[]): void {
  const existing = operation.responses[String(status)] as ResponseObject | undefined;
  const schema = existing?.content?.['application/json']?.schema as { properties?: { code?: { enum?: string[] } } } | undefined;
  const merged = [...new Set([...(schema?.properties?.code?.enum ?? []), ...codes])];
  operation.responses[String(status)] = {
    description: errorResponseDescription(merged),
    content: { 'application/json': { schema: errorBodySchema(status, merged) } },
  };
}

/**
 * What no decorator says: a body given per content type where a route asked for it, and the
 * answers of the body parsers that run before every route taking a body (malformed JSON or form,
 * a body over its limit, an encoding other than UTF-8).
 */
export function completeApiDocument(document: OpenAPIObject): OpenAPIObject {
  for (const path of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = path[method] as (OperationObject & { [REQUEST_BODY_CONTENT]?: ContentObject }) | undefined;
      if (!operation) continue;
      const content = operation[REQUEST_BODY_CONTENT];
      if (content) {
        operation.requestBody = { required: true, content };
        delete operation[REQUEST_BODY_CONTENT];
      }
      if (!operation.requestBody) continue;
      addErrorCodes(operation, 413, [ErrorCode.BodyTooLarge]);
      addErrorCodes(operation, 415, [ErrorCode.UnsupportedMediaType]);
      addErrorCodes(operation, 422, [ErrorCode.ValidationFailed]);
    }
  }
  return document;
}

/** Swagger UI on `/docs`, the OpenAPI document on `/docs/openapi.json`. */
export function mountApiDocs(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Roster')
    .setDescription(
      [
        'Member provisioning for company accounts. Every error has the shape `{statusCode, code, message, details?}`.',
        `Malformed input answers 422 \`validation_failed\`; a JSON body (or multipart text field) over ${describeSize(JSON_BODY_LIMIT_BYTES)} answers 413 \`body_too_large\`; an unknown path 404, a known path with another method 405 with an \`Allow\` header.`,
        'Query parameters a list does not know (such as a cache-buster `?_=1`) are ignored; body fields it does not know are refused.',
      ].join(' '),
    )
    .setVersion('1')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('docs', app, () => completeApiDocument(SwaggerModule.createDocument(app, config)), { jsonDocumentUrl: 'docs/openapi.json' });
}
