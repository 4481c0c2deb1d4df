import type { Finding, FindingKind } from './oracle.js';
import type { Session, Target } from './target.js';

/** One class of finding (one signature): how often, and the first case that showed it. */
export interface FindingClass {
  readonly kind: FindingKind;
  readonly signature: string;
  count: number;
  readonly first: { readonly index: number; readonly message: string; readonly how: string };
}

export interface CampaignResult {
  readonly target: string;
  readonly seed: number;
  readonly from: number;
  readonly cases: number;
  readonly ms: number;
  /** By signature, in the order first seen. */
  readonly classes: Map<string, FindingClass>;
}

export interface CampaignOptions {
  readonly seed: number;
  readonly cases: number;
  /** Index of the first case (default 0). */
  readonly from?: number;
  /** Called for the first finding of each class. */
  readonly onNewClass?: (c: FindingClass, finding: Finding) => Promise<void> | void;
  readonly onProgress?: (done: number) => void;
}

/**
 * Runs cases `from` … `from + cases − 1` of a target in order, in sessions of `target.episode`
 * cases (an HTTP case started mid-session is run after the requests of its session before it).
 */
export async function runCampaign<C>(target: Target<C>, o: CampaignOptions): Promise<CampaignResult> {
  const start = Date.now();
  const from = o.from ?? 0;
  const classes = new Map<string, FindingClass>();
  let session: Session<C> | undefined;
  try {
    for (let index = from; index < from + o.cases; index++) {
      session ??= await target.open();
      if (index !== from && Number.isFinite(target.episode) && index % target.episode === 0) await session.reset();
      // A campaign that starts in the middle of a session first makes the session's earlier cases again.
      const c = index === from && Number.isFinite(target.episode) && index % target.episode !== 0 ? target.replay(o.seed, index) : target.make(o.seed, index);
      const findings = await session.run(c);
      for (const f of findings) {
        const known = classes.get(f.signature);
        if (known !== undefined) {
          known.count++;
          continue;
        }
        const cls: FindingClass = { kind: f.kind, signature: f.signature, count: 1, first: { index, message: f.message, how: target.describe(c) } };
        classes.set(f.signature, cls);
        await o.onNewClass?.(cls, f);
      }
      o.onProgress?.(index - from + 1);
    }
  } finally {
    await session?.close();
  }
  return { target: target.name, seed: o.seed, from, cases: o.cases, ms: Date.now() - start, classes };
}
