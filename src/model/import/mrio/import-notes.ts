import type { ImportNotes } from '../types.js';

/** Notes being gathered by an importer (see ImportNotes). */
export interface NotesDraft {
  readonly read: string[];
  readonly guessed: string[];
  readonly dropped: string[];
}

export function notesDraft(): NotesDraft {
  return { read: [], guessed: [], dropped: [] };
}

export function frozenNotes(n: NotesDraft): ImportNotes {
  return { read: [...n.read], guessed: [...n.guessed], dropped: [...n.dropped] };
}

/** A number for a note: up to 6 significant digits, no exponent below 1e15. */
export function noteNumber(v: number): string {
  return Number(v.toPrecision(6)).toString();
}

/** The first `k` items of a list and how many more, for a note. */
export function listed(items: readonly string[], k = 6): string {
  return items.length <= k ? items.join(', ') : `${items.slice(0, k).join(', ')} and ${items.length - k} more`;
}
