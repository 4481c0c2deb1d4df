import { z } from 'zod';

/**
 * Why a string cannot be an id or a name, or undefined when it can: it must be well-formed
 * Unicode (a lone surrogate would be stored as U+FFFD, so two different ids could read back the
 * same), hold no control characters, and not begin or end with white space (`" "` and `"a "` are
 * refused, never trimmed: `"a"` and `"a "` must not become one id). Any other character is
 * allowed, emoji included.
 */
export function idTextProblem(s: string): string | undefined {
  if (/\p{Cs}/u.test(s)) return 'must be well-formed Unicode (it holds a lone surrogate)';
  if (s.trim() === '') return 'must not be empty or blank';
  if (s.trim() !== s) return 'must not begin or end with white space';
  if (/\p{Cc}/u.test(s)) return 'must not hold control characters (tab, newline, …)';
  return undefined;
}

/** A zod schema for an id or a name of at most `max` UTF-16 code units, by the rule of idTextProblem. */
export function idText(max = 200): z.ZodString {
  return z
    .string()
    .min(1)
    .max(max)
    .superRefine((s, ctx) => {
      const problem = idTextProblem(s);
      if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
    });
}
