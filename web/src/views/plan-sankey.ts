import type { EconomyView, ObjectiveSpec, PlanResultView } from '../api-types.js';
import { sankeyChart } from '../charts/sankey-chart.js';
import { h } from '../dom.js';
import { planFlows } from '../flows.js';
import { objectiveUnit, unvaluedReason } from './plan-bottlenecks.js';

const SHOWN = 30;

/** The valued flows of one period: resources → products → uses, regions as colours, the unit stated. */
export function planSankey(economy: EconomyView, r: PlanResultView, period: string, offer: (o: ObjectiveSpec) => void): HTMLElement {
  const { flows, total } = planFlows(economy, r, period, SHOWN);
  const ou = objectiveUnit(economy, r);
  const unitWords = ou === 'λ' ? 'λ, the fulfilment level of the tier that set it' : ou === 'objective' ? 'units of the objective' : `${ou} (${r.objective.resource ?? ''})`;
  return sankeyChart({
    title: `Resources into products into their uses, ${period}, valued at the plan’s valuations`,
    description:
      `Left: the resources the techniques use; middle: the products they make; right: what uses them — the making of other products, the targets and exports. ` +
      `Band width: the flow’s physical amount × its valuation in ${period}, in ${unitWords}; colour: the region. ` +
      (total > flows.length ? `The ${flows.length} largest of ${total} valued flows.` : `All ${total} valued flows.`) +
      ' Goods in surplus are valued at 0 and do not show.',
    flows,
    valueLabel: `value (${ou})`,
    columns: ['resources', 'products', 'uses'],
    empty: h('div', {}, h('p', { class: 'empty', text: `No valued flows in ${period}.` }), unvaluedReason(economy, r, period, offer)),
  });
}
