import { InputError } from '../model/errors.js';
import { ServiceError } from './service-error.js';

/**
 * Runs a library call; an InputError it throws becomes a `refused` ServiceError naming `what`
 * was refused (`the reports`, `the scenario`), its issues kept as the library located them.
 */
export async function refusedInput<T>(what: string, body: () => T | Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (err) {
    if (err instanceof InputError) throw new ServiceError('refused', 'invalid-input', err.message, [], { what, error: err });
    throw err;
  }
}
