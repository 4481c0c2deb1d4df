import type {
  AnalysisDocument,
  FailedAnalysisPart,
  FootprintsPart,
  FootprintsPerCapita,
  GrossOutputPart,
  IncomeMultipliersPart,
  InversePart,
  LabourValuesPart,
  Linkage,
  LinkagesPart,
  MultipliersPart,
  WireNumber,
} from './api-types.generated.js';
import { wireNumber, type Decoded } from './decode-plan.js';
import { decodeImpacts, decodeTypeII } from './decode-effects.js';

// The analysis document (POST /models/:id/analyze) with its wire numbers read back once, part by
// part: every vector of an analysis may hold "NaN" or "Infinity" (a zero gross output's index, an
// overflowing multiplier). Typed field by field: a wire number added to the schema and not read
// back here is a type error.

const vector = (v: readonly WireNumber[]): readonly number[] => v.map(wireNumber);
const byRow = (r: Readonly<Record<string, readonly WireNumber[]>>): Readonly<Record<string, readonly number[]>> => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, vector(v)]));
const linkage = (l: Linkage): Decoded<Linkage> => ({ raw: vector(l.raw), normalised: vector(l.normalised) });

function failed(p: FailedAnalysisPart): Decoded<FailedAnalysisPart> {
  const { spectralRadius, ...rest } = p;
  return { ...rest, ...(spectralRadius === undefined ? {} : { spectralRadius: { lower: wireNumber(spectralRadius.lower), upper: wireNumber(spectralRadius.upper) } }) };
}

const isFailed = (p: { readonly status: string }): p is FailedAnalysisPart => p.status !== 'converged';

/** A part, converged (its numbers read back) or failed (its status, sentence and bounds). */
function part<P extends { readonly status: 'converged' }>(p: P | FailedAnalysisPart, decode: (p: P) => Decoded<P>): Decoded<P> | Decoded<FailedAnalysisPart> {
  return isFailed(p) ? failed(p) : decode(p);
}

const grossOutput = (g: GrossOutputPart): Decoded<GrossOutputPart> => ({ ...g, relativeResidual: wireNumber(g.relativeResidual), finalDemand: vector(g.finalDemand), x: vector(g.x) });
const multipliers = (m: MultipliersPart): Decoded<MultipliersPart> => ({
  ...m,
  relativeResidual: wireNumber(m.relativeResidual),
  output: vector(m.output),
  rows: Object.fromEntries(Object.entries(m.rows).map(([k, r]) => [k, { direct: vector(r.direct), total: vector(r.total) }])),
});
const income = (m: IncomeMultipliersPart): Decoded<IncomeMultipliersPart> => ({
  ...m,
  relativeResidual: wireNumber(m.relativeResidual),
  direct: vector(m.direct),
  simple: vector(m.simple),
  typeI: m.typeI.map((v) => (v === null ? null : wireNumber(v))),
});
const linkages = (l: LinkagesPart): Decoded<LinkagesPart> => ({ ...l, relativeResidual: wireNumber(l.relativeResidual), backward: linkage(l.backward), forward: linkage(l.forward) });
const labourValues = (v: LabourValuesPart): Decoded<LabourValuesPart> => ({
  ...v,
  relativeResidual: wireNumber(v.relativeResidual),
  direct: vector(v.direct),
  values: vector(v.values),
  identity: v.identity === null ? null : { valueOfFinalDemand: wireNumber(v.identity.valueOfFinalDemand), totalLabour: wireNumber(v.identity.totalLabour), relativeDifference: wireNumber(v.identity.relativeDifference) },
});
const perCapita = (pc: FootprintsPerCapita): Decoded<FootprintsPerCapita> => ({ regions: pc.regions, population: vector(pc.population), rows: byRow(pc.rows) });
function footprints(f: FootprintsPart): Decoded<FootprintsPart> {
  const { perCapita: pc, ...rest } = f;
  return { ...rest, relativeResidual: wireNumber(f.relativeResidual), rows: byRow(f.rows), ...(pc === undefined ? {} : { perCapita: perCapita(pc) }) };
}
const inverse = (p: InversePart): Decoded<InversePart> => ({ ...p, L: p.L.map(vector) });

/** The analysis document with its numbers as numbers ("NaN", "Infinity" read back), each part decoded once. */
export function decodeAnalysis(d: AnalysisDocument): Decoded<AnalysisDocument> {
  const { grossOutput: g, multipliers: m, incomeMultipliers: im, linkages: l, labourValues: lv, footprints: f, inverse: inv, typeII: t2, impacts: imp, ...rest } = d;
  return {
    ...rest,
    grossOutput: part(g, grossOutput),
    ...(m === undefined ? {} : { multipliers: part(m, multipliers) }),
    ...(im === undefined ? {} : { incomeMultipliers: part(im, income) }),
    ...(l === undefined ? {} : { linkages: part(l, linkages) }),
    ...(lv === undefined ? {} : { labourValues: part(lv, labourValues) }),
    ...(f === undefined ? {} : { footprints: part(f, footprints) }),
    ...(inv === undefined ? {} : { inverse: part(inv, inverse) }),
    ...(t2 === undefined ? {} : { typeII: part(t2, decodeTypeII) }),
    ...(imp === undefined ? {} : { impacts: part(imp, decodeImpacts) }),
  };
}
