import type { ExtractionDocument, ExtractionLoss, ImpactsPart, TypeIIPart, TypeIIQuantity, WireNumber } from './api-types.generated.js';
import { wireNumber, type Decoded } from './decode-plan.js';

// Type II effects, characterised impacts (parts of POST /models/:id/analyze) and the extraction
// document (POST /models/:id/extraction) with their wire numbers read back once.

const vector = (v: readonly WireNumber[]): readonly number[] => v.map(wireNumber);
const ratios = (v: readonly (WireNumber | null)[]): readonly (number | null)[] => v.map((x) => (x === null ? null : wireNumber(x)));
const byRow = (r: Readonly<Record<string, readonly WireNumber[]>>): Readonly<Record<string, readonly number[]>> => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, vector(v)]));

const quantity = (q: TypeIIQuantity): Decoded<TypeIIQuantity> => ({
  ...q,
  direct: vector(q.direct),
  firstRound: vector(q.firstRound),
  industrialSupport: vector(q.industrialSupport),
  induced: vector(q.induced),
  typeI: vector(q.typeI),
  typeII: vector(q.typeII),
  typeIRatio: ratios(q.typeIRatio),
  typeIIRatio: ratios(q.typeIIRatio),
});

export const decodeTypeII = (t: TypeIIPart): Decoded<TypeIIPart> => ({
  ...t,
  relativeResidual: wireNumber(t.relativeResidual),
  totalIncome: wireNumber(t.totalIncome),
  consumption: vector(t.consumption),
  quantities: t.quantities.map(quantity),
});

export function decodeImpacts(p: ImpactsPart): Decoded<ImpactsPart> {
  const { footprints, ...rest } = p;
  return { ...rest, direct: byRow(p.direct), multipliers: byRow(p.multipliers), ...(footprints === undefined ? {} : { footprints: { regions: footprints.regions, rows: byRow(footprints.rows) } }) };
}

const loss = <L extends ExtractionLoss>(l: L): Decoded<L> => ({ ...l, before: wireNumber(l.before), after: wireNumber(l.after), loss: wireNumber(l.loss), relative: l.relative === null ? null : wireNumber(l.relative) }) as Decoded<L>;

type Part<D, K extends keyof D> = Exclude<D[K], undefined>;
const isFailed = (p: { readonly status: string }): boolean => p.status !== 'converged';

/** The extraction document with its numbers as numbers. */
export function decodeExtraction(d: ExtractionDocument): Decoded<ExtractionDocument> {
  const { extraction: e, ranking: r, ...rest } = d;
  const failed = (p: { readonly status: string; readonly spectralRadius?: { readonly lower: WireNumber; readonly upper: WireNumber } }): unknown => {
    const { spectralRadius, ...more } = p;
    return { ...more, ...(spectralRadius === undefined ? {} : { spectralRadius: { lower: wireNumber(spectralRadius.lower), upper: wireNumber(spectralRadius.upper) } }) };
  };
  const extraction = (p: Part<ExtractionDocument, 'extraction'>): Decoded<Part<ExtractionDocument, 'extraction'>> => {
    if (isFailed(p) || !('losses' in p)) return failed(p) as Decoded<Part<ExtractionDocument, 'extraction'>>;
    return { ...p, relativeResidual: wireNumber(p.relativeResidual), losses: p.losses.map(loss), xBefore: vector(p.xBefore), xAfter: vector(p.xAfter) };
  };
  const ranking = (p: Part<ExtractionDocument, 'ranking'>): Decoded<Part<ExtractionDocument, 'ranking'>> => {
    if (isFailed(p) || !('ranking' in p)) return failed(p) as Decoded<Part<ExtractionDocument, 'ranking'>>;
    return {
      ...p,
      relativeResidual: wireNumber(p.relativeResidual),
      ranking: p.ranking.map((g) => {
        const { backwardIndex, forwardIndex, ...more } = g;
        return { ...more, losses: g.losses.map(loss), ...(backwardIndex === undefined ? {} : { backwardIndex: wireNumber(backwardIndex) }), ...(forwardIndex === undefined ? {} : { forwardIndex: wireNumber(forwardIndex) }) };
      }),
    };
  };
  return { ...rest, ...(e === undefined ? {} : { extraction: extraction(e) }), ...(r === undefined ? {} : { ranking: ranking(r) }) };
}
