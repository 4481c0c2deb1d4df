import type { PlentyStore, PlentyTransaction } from '../../src/store/index.js';

const REPOSITORIES = ['models', 'scenarios', 'plans', 'enterprises', 'tokens', 'reports', 'alerts', 'jobs'] as const;

/** One turn of the event loop. */
const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** The repositories of `target` with every call answered a turn of the event loop later. */
function delayedRepositories<T extends object>(target: T): T {
  const out: Record<string, unknown> = {};
  for (const name of REPOSITORIES) {
    const repo = (target as Record<string, unknown>)[name] as Record<string, (...args: unknown[]) => Promise<unknown>>;
    out[name] = new Proxy(repo, {
      get: (r, key) => {
        const value: unknown = Reflect.get(r, key, r);
        if (typeof value !== 'function') return value;
        return async (...args: unknown[]): Promise<unknown> => {
          await turn();
          return (value as (...a: unknown[]) => Promise<unknown>).apply(r, args);
        };
      },
    });
  }
  return out as T;
}

function delayedTransaction(tx: PlentyTransaction): PlentyTransaction {
  return { ...delayedRepositories(tx), savepoint: (body) => tx.savepoint((inner) => body(delayedTransaction(inner))) };
}

/**
 * A store whose every call is answered a turn of the event loop later, as a store across a
 * network answers: requests then interleave between their reads and writes (SQLite alone answers
 * within the same turn, which hides such races).
 */
export function delayedStore(store: PlentyStore): PlentyStore {
  const repos = delayedRepositories(store);
  return new Proxy(store, {
    get: (s, key) => {
      if (typeof key === 'string' && (REPOSITORIES as readonly string[]).includes(key)) return (repos as unknown as Record<string, unknown>)[key];
      if (key === 'transaction') return <T>(body: (tx: PlentyTransaction) => Promise<T>): Promise<T> => s.transaction((tx) => body(delayedTransaction(tx)));
      const value: unknown = Reflect.get(s, key, s);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(s) : value;
    },
  });
}
