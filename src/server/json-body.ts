import type { FastifyInstance, FastifyRequest } from 'fastify';
import { InputError } from '../model/errors.js';
import { decodeText } from '../model/decode-text.js';
import { MAX_NESTING_DEPTH, TOO_DEEP_MESSAGE, tooDeepPath } from '../model/nesting-depth.js';
import { ApiError } from './api-error.js';

type Done = (err: Error | null, body?: unknown) => void;

/**
 * Replaces fastify's JSON body parser with one that applies the rules of model files to every
 * request body, before any route sees it: the bytes must be UTF-8 (never silently turned into
 * U+FFFD: `400 invalid-encoding` with the line, column and byte offset), the JSON is parsed by
 * fastify's own parser (which refuses `__proto__` and `constructor` keys), and no value may nest
 * deeper than MAX_NESTING_DEPTH levels (`400 too-deep` at the path), so that nothing downstream
 * recurses over a hostile body.
 */
export function strictJsonBodies(app: FastifyInstance, bodyLimit: number): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit }, (req: FastifyRequest, bytes: Buffer, done: Done) => {
    let text: string;
    try {
      text = decodeText(bytes, 'body');
    } catch (err) {
      done(err instanceof InputError ? encodingError(err) : (err as Error));
      return;
    }
    parseJson(req, text, (err: Error | null, body?: unknown) => {
      if (err !== null) return done(err);
      const deep = tooDeepPath(body);
      if (deep !== undefined) return done(new ApiError(400, 'too-deep', `the body is ${TOO_DEEP_MESSAGE}`, [{ path: ['body', ...deep.slice(0, MAX_NESTING_DEPTH + 1)], message: TOO_DEEP_MESSAGE }]));
      done(null, body);
    });
  });
}

function encodingError(err: InputError): ApiError {
  const issue = err.issues[0];
  const { line, column } = issue.location;
  return new ApiError(400, 'invalid-encoding', 'the body is not valid UTF-8 text', [
    { path: ['body'], message: issue.message.replace(/; if the file .*$/, ''), value: issue.value, ...(line === undefined ? {} : { line }), ...(column === undefined ? {} : { column }) },
  ]);
}
