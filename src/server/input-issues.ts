import { formatIssue, type InputError } from '../model/errors.js';
import { ApiError, type ApiIssue } from './api-error.js';

/**
 * A refused model, plan or option as a 422: each issue with its location (file, line, column,
 * JSON path, value) and `text`, the line the CLI prints for it.
 */
export function unprocessable(err: InputError, what = 'the input'): ApiError {
  const issues: (ApiIssue & { text: string })[] = err.issues.map((i) => {
    const loc = i.location;
    return {
      code: i.code,
      message: i.message,
      path: loc.path ?? [],
      text: formatIssue(i),
      ...(loc.file === undefined ? {} : { file: loc.file }),
      ...(loc.line === undefined ? {} : { line: loc.line }),
      ...(loc.column === undefined ? {} : { column: loc.column }),
      ...('value' in i ? { value: i.value } : {}),
    };
  });
  return new ApiError(422, 'invalid-input', `${what} has ${issues.length === 1 ? 'a problem' : `${issues.length} problems`}:\n${err.message}`, issues);
}
