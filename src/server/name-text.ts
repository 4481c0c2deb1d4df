import { z } from 'zod';

/** A lone surrogate: a code unit that UTF-8 cannot store (the text would read back changed). */
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * A name as the service takes it: well-formed Unicode (no lone surrogate), trimmed, then 1 to
 * `max` characters. A name that is empty once trimmed, too long or ill-formed is a 400 at its path.
 */
export function nameText(max = 200) {
  return z
    .string()
    .refine((s) => !LONE_SURROGATE.test(s), { message: 'must be well-formed Unicode text (it holds a lone surrogate)' })
    .transform((s) => s.trim())
    .pipe(z.string().min(1, 'must not be empty or blank').max(max));
}
