/**
 * What a row of a symmetric input–output table outside the intermediate block is, by its labels:
 * - `output`: gross output x (P1, GO, OUT, OUTPUT, total output, output at basic prices);
 * - `total`: a total of other rows (TOTAL, P2 intermediate consumption, total use, domestic products);
 * - `value-added`: value added (B1G, GVA, VA, VALU), a primary input that may be the total of its components;
 * - `money`: another primary input in money (compensation D1, taxes less subsidies D21X31/D29X39,
 *   operating surplus B2A3N, consumption of fixed capital K1, imports P7);
 * - `employment`: persons, jobs or hours (EMP, employment, hours worked), `employment-total` when
 *   labelled a total of them;
 * - `emission`: an emission (CO2, CH4, N2O, GHG, NOx, …);
 * - `discrepancy`: a statistical discrepancy (read by no account).
 */
export type RowKind = 'output' | 'total' | 'value-added' | 'money' | 'employment' | 'employment-total' | 'emission' | 'discrepancy';

/**
 * What a column right of the intermediate block is, by its labels: `total` (TOTAL, total use,
 * total output, GO, OUTPUT, total final use, total intermediate use), `final` (final use: P3 S13/S14/
 * S15, P51G, P52, P53, P6, HFCE, NPISH, GGFC, GFCF, INVNT, CONS_h, CONS_np, CONS_g, INVEN, EXP,
 * final consumption, exports …) or `discrepancy`.
 */
export type ColumnKind = 'total' | 'final' | 'discrepancy';

/** A label lower-cased, with `_ - .` and runs of blanks as one blank, and quotes and trailing notes marks (`*`, `†`, `1)`, `(2)`, `³`) dropped. */
export function normalizeLabel(label: string): string {
  return label
    .trim()
    .toLowerCase()
    .replace(/[’'`"]/g, '')
    .replace(/[\s_\-.:/]+/g, ' ')
    .replace(/\s*[*†‡]+$/, '')
    .replace(/\s*(?:\(?\d{1,2}\)|[\u00b9\u00b2\u00b3\u2070-\u2079]+)$/, '')
    .trim();
}

const OUTPUT = /^(p1|go|out|output|x|indout|(total |gross |industry |total industry )?output( (at )?(basic|producers) prices| bp)?|total (industry )?production|production)$/;
const TOTAL_ROW =
  /^(total|tot|sum|grand total|p2|ii|ii fob|ii cif|cpa total|domestic products|total domestic|ts bp|tu)$|^(total|sum|ttl)\b|\btotal$|^(total )?intermediate (consumption|inputs?|use)\b|^p2 |^total (use|uses|supply|inputs?)\b|\b(domestic|product|products) total\b/;
const VALUE_ADDED = /^(b1g|b1n|va|gva|valu|nva|gva bp|(total |gross |net )?value added\b.*|value added gross.*)$/;
const COMPENSATION = /^(d1|d11|d12|coe|compensation\b.*|(total )?wages\b.*|salaries\b.*|labou?r (costs?|compensation|income)|compensation employees)$/;
const TAXES = /^(d2|d21|d29|d3|d31|d39|d21x31|d29x39|d21 m d31|d29 m d39|tls|txsp|txs .*|net tax.*|(net |other )?taxes?\b.*|(other )?subsid.*|.*\btaxes? (less|minus|net of) (other )?subsid.*)$/;
const SURPLUS = /^(b2|b3|b2g|b2n|b2a3g|b2a3n|b2n b3n|b2g b3g|gos|nos|os .*|(gross |net )?operating surplus\b.*|(gross |net )?mixed income\b.*|profits?\b.*)$/;
const CAPITAL = /^(k1|p51c|(consumption|depreciation)( of)? fixed capital.*|depreciation\b.*|capital consumption.*)$/;
const IMPORTS = /^(p7|imp|impo|impo .*|imports?\b.*|imported\b.*|import goods services|cif fob adjustments?.*|exp adj|purr|purnr|inttm|international transport margins.*|(direct )?purchases (abroad|on the domestic territory)\b.*|direct purchases.*)$/;
const EMPLOYMENT = /^(emp|empe|emp ws|emp fte|emp se|h emp|h empe|h emps|fte|jobs|workers)$|^labou?r\b(?! (costs?|compensation|income|share))|^(total |number of )?(employment|employees|employed|persons|jobs|hours|self employed|wage (and|&) salary earners|full time equivalents?)\b/;
/** Product and industry names that start like a primary input ("Employment services"). */
const PRODUCT_NAME = /\b(services|activities|agencies)\b/;
const EMPLOYMENT_TOTAL = /\btotal\b/;
const EMISSION = /^(co2|ch4|n2o|so2|sox|nox|nh3|nmvoc|co|pm10|pm2 5|pm25|hfc|pfc|sf6|ghg|co2e|co2 eq.*|(total )?(co2|ch4|n2o|so2|nox|nh3|ghg) .*|.*\bemissions?\b.*|greenhouse gas.*|carbon dioxide.*|methane.*|nitrous oxide.*|dust|air pollut.*)$/;
const DISCREPANCY = /^(disc|sd|stat disc|residual|(statistical )?discrepanc.*)$/;

const TOTAL_COLUMN =
  /^(total|tot|sum|grand total|tu|tfu|tfd|tiu|tid|ttl|total use|total uses|total demand|total supply|output|go|out|x|output bp|p1)$|^(total|sum|ttl)\b|\btotal$|^(total )?(intermediate (use|uses|demand|consumption))$|^total (intermediate|final|domestic)\b|^(total )?output( (at )?(basic|producers) prices| bp)?$|^gross output.*$/;
const FINAL =
  /^(p3|p3 s1[345]|p31 s1[345]|p32 s13|p3s1[345]|p5|p51|p51g|p52|p53|p5m|p5g|p6|p61|p62|hfce|npish|ggfc|gfcf|invnt|inven|inv|exp|expo|exports?|cons h|cons np|cons g|hh|hh cons|cons abr|cons nonres|dpabr|gcf|fce|gfce|pce|hhc|gov|npi|y)$|^(final )?consumption\b|\bfinal consumption\b|^household|^(private|government|public|collective|individual) (final )?consumption|\bnpish\b|non ?profit institutions|^(general )?government( final)?( consumption| expenditure)?\b(?! services)|^(central|local|state) government\b|\bcapital formation\b|^(changes? in |change in )?(inventor|stocks?\b)|^inventor|^valuables|acquisitions less disposals|^exports?\b|^imports?\b|^(p7|imp|impo)$|^net exports|^final (use|uses|demand)\b|^investment|^direct purchases|^purchases (by|of) (non )?residents/;

/**
 * The same kinds in the languages of the European offices' own tables (German, French, Spanish,
 * Italian), matched on labels without accents (`Valeur ajoutée brute` → `valeur ajoutee brute`).
 */
const OTHER_LANGUAGES: Readonly<Record<'output' | 'total' | 'value-added' | 'money' | 'employment' | 'total-column' | 'final', RegExp>> = {
  output: /^(produktionswert|bruttoproduktionswert|produktion|production (totale|effective|des branches|au prix de base)|produccion( total| efectiva| a precios basicos)?|produzione)\b/,
  total: /^(insgesamt|zusammen|summe|gesamt|ensemble|totale|total general)$|\binsgesamt$|^vorleistungen\b|^(total )?(des )?consommations? intermediaires?\b|^(total )?consumos? intermedios?\b|^(totale )?(costi|consumi) intermedi\b|^total (des )?(emplois|ressources|empleos|recursos)\b/,
  'value-added': /^((brutto|netto)?wertschopfung\b.*|valeur ajoutee\b.*|valor anadido\b.*|vab|vab pb|valore aggiunto\b.*)$/,
  money: /^(arbeitnehmerentgelt.*|remuneration des salaries.*|remuneracion de (los )?asalariados.*|redditi da lavoro.*|(sonstige )?(netto)?(guter|produktions)(steuern|abgaben).*|gutersteuern.*|impots?\b.*|impuestos?\b.*|imposte\b.*|subventionen.*|subventions?\b.*|subvenciones.*|(netto)?betriebsuberschuss.*|excedent (brut |net )?d ?exploitation.*|excedente (bruto |neto )?de explotacion.*|risultato lordo.*|abschreibungen.*|consommation de capital fixe.*|consumo de capital fijo.*|importe?\b.*|einfuhr.*|importations?\b.*|importaciones?\b.*|importazioni.*)$/,
  employment: /^(erwerbstatige|arbeitnehmer|beschaftigte|arbeitsstunden|geleistete arbeitsstunden|emploi|emplois? salaries|heures travaillees|empleo|empleos|ocupados|puestos de trabajo|horas trabajadas|occupati|ore lavorate|unita di lavoro)\b/,
  'total-column': /^(insgesamt|zusammen|summe|gesamt|ensemble|totale)$|\binsgesamt$|^(gesamte )?verwendung( insgesamt)?$|^total (des )?(emplois|empleos|utilisations|ressources|recursos)\b|^(total )?(des )?emplois (finals|intermediaires)$|^(total )?(de la )?demanda (final|intermedia)$|^(totale )?impieghi\b/,
  final: /^(private )?konsumausgaben\b|\bkonsum(ausgaben)? (der|des) (privaten haushalte|staates|private)|^(letzte verwendung|endnachfrage)\b|^bruttoanlageinvestitionen|^(bruttoinvestitionen|vorratsveranderungen?|exporte?|ausfuhr(en)?)\b|^consommation finale\b|^depenses? de consommation finale\b|^(formation brute de capital( fixe)?|fbcf|variations? (des )?stocks|exportations?|emplois finals)\b|^gasto( en consumo)? final\b|^consumo final\b|^(formacion bruta de capital( fijo)?|fbcf|variacion de existencias|exportaciones?|demanda final)\b|^(spesa per consumi finali|consumi finali|investimenti fissi lordi|variazione delle scorte|esportazioni)\b/,
};

/** A normalized label without accents, for the other languages. */
function unaccented(label: string): string {
  return label.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ß/g, 'ss');
}

function some(labels: readonly string[], re: RegExp): boolean {
  return labels.some((l) => re.test(l));
}

function someOther(labels: readonly string[], kind: keyof typeof OTHER_LANGUAGES): boolean {
  return labels.some((l) => OTHER_LANGUAGES[kind].test(unaccented(l)));
}

/**
 * The kind of a row outside the block by its labels (any of its label cells: code, description,
 * short name), or undefined when none is recognised. Emission and employment rows are told apart
 * from money rows first, then output, totals, value added and the other primary inputs.
 */
export function classifyRowLabels(labels: readonly string[]): RowKind | undefined {
  const t = labels.map(normalizeLabel).filter((l) => l !== '');
  if (t.length === 0) return undefined;
  if (some(t, DISCREPANCY)) return 'discrepancy';
  if (some(t, OUTPUT) || someOther(t, 'output')) return 'output';
  if (some(t, EMISSION)) return 'emission';
  if (t.some((l) => EMPLOYMENT.test(l) && !PRODUCT_NAME.test(l))) return some(t, EMPLOYMENT_TOTAL) ? 'employment-total' : 'employment';
  if (someOther(t, 'employment')) return some(t, /\b(insgesamt|total|totale)\b/) ? 'employment-total' : 'employment';
  if (some(t, VALUE_ADDED) || someOther(t, 'value-added')) return 'value-added';
  if (some(t, COMPENSATION) || some(t, TAXES) || some(t, SURPLUS) || some(t, CAPITAL) || some(t, IMPORTS) || someOther(t, 'money')) return 'money';
  if (some(t, TOTAL_ROW) || someOther(t, 'total')) return 'total';
  return undefined;
}

/** The kind of a column outside the block by its labels (any of its header cells), or undefined. */
export function classifyColumnLabels(labels: readonly string[]): ColumnKind | undefined {
  const t = labels.map(normalizeLabel).filter((l) => l !== '');
  if (t.length === 0) return undefined;
  if (some(t, DISCREPANCY)) return 'discrepancy';
  if (some(t, TOTAL_COLUMN) || someOther(t, 'total-column')) return 'total';
  if (some(t, FINAL) || someOther(t, 'final')) return 'final';
  return undefined;
}

/** True for the primary-input kinds in money (value added and its components, taxes, imports). */
export function isMoneyRow(kind: RowKind | undefined): boolean {
  return kind === undefined || kind === 'money' || kind === 'value-added';
}
