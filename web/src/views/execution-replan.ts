import type { Api } from '../api.js';
import { isOptimal, type Id, type Job, type PlanComparison, type ReplanSection } from '../api-types.js';
import { h, mount } from '../dom.js';
import { formatAmount, formatPercent, itemLabel } from '../format.js';
import { dataTable, scroller } from '../table.js';
import { comparePlans, publish, replan } from './execution-api.js';
import type { ExecutionContext } from './execution-context.js';
import { errorBox } from './error-box.js';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls a job until it ends; its plan id, or an error with the job's reason. */
async function waitForPlan(api: Api, jobId: Id, onProgress: (text: string) => void): Promise<string> {
  let wait = 150;
  for (;;) {
    const job = await api.job(jobId);
    if (job.status === 'done' && job.result !== undefined) return String(job.result.planId);
    if (job.status === 'failed' || job.status === 'cancelled' || job.status === 'done') throw new Error(`the re-plan ${job.status === 'done' ? 'gave no plan' : job.status}${errorOf(job)}`);
    onProgress(job.progress?.text ?? job.status);
    await sleep(wait);
    wait = Math.min(800, wait * 1.4);
  }
}

const errorOf = (job: Job): string => (job.error === undefined ? '' : `: ${job.error}`);

const TOP = 12;

/** The re-plan's changes against the published plan: inherited shortfalls first, then what the future re-planning changes. */
function changeSummary(ctx: ExecutionContext, planId: string, r: ReplanSection, cmp: PlanComparison, onPublished: () => void): HTMLElement {
  const { units } = ctx;
  const future = new Set(r.future.periods);
  const past = new Set(r.past.periods);
  // The level λ per tier over the re-planned periods: the published plan's and the re-plan's (maxmin).
  const pubLevels = (isOptimal(ctx.pub.plan.result) ? ctx.pub.plan.result.levels : null) ?? {};
  const tiers = Object.keys(r.future.levels ?? {});
  const levelText = tiers
    .map((tier) => {
      const before = Math.min(...r.future.periods.map((p) => pubLevels[tier]?.[p] ?? Infinity));
      const after = r.future.lambda?.[tier];
      return Number.isFinite(before) && after !== undefined ? `tier ${tier} ${formatPercent(before)} → ${formatPercent(after)}` : null;
    })
    .filter((x): x is string => x !== null);
  // Which targets changed: the service's rule (compare-plans: beyond rounding, relative 1e-9), not one of our own.
  const tChanged = cmp.targets.filter((t) => future.has(t.period) && t.changed);
  const aFuture = cmp.activity.filter((a) => future.has(a.period)).sort((x, y) => Math.abs(y.activity.change ?? 0) - Math.abs(x.activity.change ?? 0));
  const aPast = cmp.activity.filter((a) => past.has(a.period));
  const sentence =
    `Re-planned from ${r.fromPeriod} on (plan #${planId}): ${r.past.periods.length === 0 ? 'no period' : r.past.periods.join(', ')} fixed as ${r.reports === 0 ? 'planned (no reports)' : `reported (${r.reports} report${r.reports === 1 ? '' : 's'})`}, ${r.future.periods.join(', ')} optimised again. ` +
    (levelText.length > 0 ? `Least level λ of the re-planned periods, published → re-plan: ${levelText.join(', ')}; ` : `Objective: ${cmp.objective.a === null ? '—' : formatAmount(cmp.objective.a)} published, ${cmp.objective.b === null ? '—' : formatAmount(cmp.objective.b)} re-planned (over the re-planned periods only); `) +
    `${tChanged.length} target${tChanged.length === 1 ? '' : 's'} of the re-planned periods change their fulfilment and ${aFuture.length} technique-period activit${aFuture.length === 1 ? 'y changes' : 'ies change'}. ` +
    `${r.past.shortfalls.length} past shortfall${r.past.shortfalls.length === 1 ? ' is' : 's are'} inherited.`;
  const shortCols = [
    { label: 'target item', value: (s: ReplanSection['past']['shortfalls'][number]) => itemLabel(s.item) },
    { label: 'period', value: (s: ReplanSection['past']['shortfalls'][number]) => s.period },
    { label: 'tier', value: (s: ReplanSection['past']['shortfalls'][number]) => String(s.priority), numeric: true },
    { label: 'target', value: (s: ReplanSection['past']['shortfalls'][number]) => units.amount(s.amount, s.item), numeric: true },
    { label: 'planned', value: (s: ReplanSection['past']['shortfalls'][number]) => units.amount(s.planned, s.item), numeric: true },
    { label: 'delivered', value: (s: ReplanSection['past']['shortfalls'][number]) => units.amount(s.delivered, s.item), numeric: true },
    { label: 'fulfilment', value: (s: ReplanSection['past']['shortfalls'][number]) => formatPercent(s.fulfilment), numeric: true, tone: () => 'short' },
  ];
  const actCols = [
    { label: 'technique', value: (a: PlanComparison['activity'][number]) => a.technique.replace(/_/g, ' ') },
    { label: 'period', value: (a: PlanComparison['activity'][number]) => a.period },
    { label: 'published', value: (a: PlanComparison['activity'][number]) => (a.activity.a === null ? '—' : formatAmount(a.activity.a)), numeric: true },
    { label: 're-plan', value: (a: PlanComparison['activity'][number]) => (a.activity.b === null ? '—' : formatAmount(a.activity.b)), numeric: true },
    { label: 'change', value: (a: PlanComparison['activity'][number]) => (a.activity.change === null ? '—' : `${a.activity.change > 0 ? '+' : ''}${formatAmount(a.activity.change)}`), numeric: true },
  ];
  const tCols = [
    { label: 'target item', value: (t: PlanComparison['targets'][number]) => itemLabel(t.item) },
    { label: 'period', value: (t: PlanComparison['targets'][number]) => t.period },
    { label: 'tier', value: (t: PlanComparison['targets'][number]) => String(t.priority), numeric: true },
    { label: 'published', value: (t: PlanComparison['targets'][number]) => (t.fulfilment.a === null ? '—' : formatPercent(t.fulfilment.a)), numeric: true },
    { label: 're-plan', value: (t: PlanComparison['targets'][number]) => (t.fulfilment.b === null ? '—' : formatPercent(t.fulfilment.b)), numeric: true },
  ];
  const pubStatus = h('p', { role: 'status' });
  const pubButton = h('button', { type: 'button', id: 'ex-publish-replan', text: `Publish the re-plan (#${planId})` });
  pubButton.addEventListener('click', () => {
    pubButton.disabled = true;
    publish(ctx.api, planId).then(onPublished, (err: unknown) => {
      pubButton.disabled = false;
      pubStatus.replaceChildren(errorBox(err));
    });
  });
  return h(
    'div',
    { class: 'ex-replan-result', 'data-plan': planId },
    h('p', { class: 'verdict', id: 'ex-replan-summary', text: sentence }),
    h('h4', { text: 'Inherited from the past (not choices of the re-plan)' }),
    h('p', { class: 'muted', text: `The periods before ${r.fromPeriod} are fixed as they happened: their activity from the reports (planned where none was reported). Their shortfalls and broken limits are stated here, never relaxed; ${aPast.length} technique-period activit${aPast.length === 1 ? 'y differs' : 'ies differ'} from the published plan because of the reports.` }),
    r.past.shortfalls.length === 0
      ? h('p', { class: 'muted', 'data-shortfalls': '0', text: 'No past shortfall: every target of the fixed periods was met.' })
      : scroller(dataTable('Past shortfalls the re-plan inherits', shortCols, r.past.shortfalls, (s) => `${s.target}|${s.period}`, 'ex-replan-shortfalls'), 'Past shortfalls'),
    r.past.breaches.length === 0 ? h('p', { class: 'muted', text: 'No limit was broken in the fixed periods.' }) : h('p', { class: 'short', text: `${r.past.breaches.length} limit${r.past.breaches.length === 1 ? ' was' : 's were'} broken in the fixed periods (as reported).` }),
    h('h4', { text: `Changes in the re-planned periods (${r.future.periods.join(', ')})` }),
    tChanged.length === 0 ? h('p', { class: 'muted', text: 'No target’s fulfilment changes.' }) : scroller(dataTable(`Targets whose fulfilment changes (${tChanged.length})`, tCols, tChanged.slice(0, TOP * 4), (t) => `${t.item}|${t.period}`, 'ex-replan-targets'), 'Targets that change'),
    aFuture.length === 0 ? h('p', { class: 'muted', text: 'No activity changes.' }) : scroller(dataTable(`Largest activity changes (${Math.min(TOP, aFuture.length)} of ${aFuture.length}; activity levels of the techniques)`, actCols, aFuture.slice(0, TOP), (a) => `${a.technique}|${a.period}`, 'ex-replan-activity'), 'Activity changes'),
    h('div', { class: 'toolbar' }, pubButton, pubStatus),
  );
}

/** Re-plan from a chosen period (a job), then what changed against the published plan. */
export async function replanSection(root: HTMLElement, ctx: ExecutionContext, onPublished: () => void = () => location.reload()): Promise<void> {
  const { api, pub } = ctx;
  const periods = isOptimal(pub.plan.result) ? Object.keys(pub.plan.result.activity) : [];
  const from = h('select', { id: 'ex-replan-from', name: 'fromPeriod' }, ...periods.map((p, i) => h('option', { value: p, text: p, selected: i === 1 })));
  const run = h('button', { type: 'submit', class: 'primary', id: 'ex-replan-run', text: 'Re-plan' });
  const progress = h('p', { class: 'muted', role: 'status' });
  const out = h('div', { class: 'ex-replan-out' });
  const form = h('form', { class: 'toolbar', 'aria-label': 'Re-plan' }, h('label', { for: 'ex-replan-from', text: 'From period' }), from, run, progress);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    run.disabled = true;
    progress.textContent = 'Submitted…';
    mount(out);
    void (async () => {
      try {
        const { jobId } = await replan(api, from.value);
        const planId = await waitForPlan(api, jobId, (t) => (progress.textContent = `Re-planning: ${t}`));
        const plan = await api.plan(planId);
        const r = plan.result.replan;
        if (!isOptimal(plan.result) || r === undefined) {
          progress.textContent = '';
          mount(out, errorBox(new Error(`The re-plan from ${from.value} is ${plan.status}: ${plan.result.diagnosis?.message ?? plan.result.message ?? 'no plan with these past periods fixed'}`)));
          return;
        }
        const cmp = await comparePlans(api, pub.planId, planId);
        progress.textContent = 'Done.';
        mount(out, changeSummary(ctx, planId, r, cmp, onPublished));
      } catch (err) {
        progress.textContent = '';
        mount(out, errorBox(err));
      } finally {
        run.disabled = false;
      }
    })();
  });
  mount(
    root,
    h('h3', { id: 'ex-replan-h', text: 'Re-plan from a period' }),
    h('p', { class: 'muted', text: 'Fixes the periods before the one you choose as they happened (from the reports) and optimises the rest again with the published plan’s objective. The result is a new plan; it is not published unless you publish it.' }),
    form,
    out,
  );
}
