import {api, el, fill, pill, when, ms} from './ui.js';

function card(title, value, href, detail) {
  const body = [el('span', {class: 'card-title'}, title), el('span', {class: 'card-value'}, value),
    detail ? el('span', {class: 'card-detail'}, detail) : null];
  return href ? el('a', {class: 'card', href}, body) : el('div', {class: 'card'}, body);
}

export async function overviewPage(main, params, ctx) {
  const shown = await ctx.shell();
  const o = shown && shown.fresh ? shown : await api('overview');
  if (shown) shown.fresh = false;
  ctx.state.writes = o.writes;
  const plan = o.plan;
  const pending = o.pending ? o.pending.length : 0;
  const refused = plan && plan.verdict === 'REFUSED';
  fill(main,
    el('div', {class: 'heading'}, el('h1', {}, 'Overview'), el('p', {class: 'muted'}, `${o.target} · served by ${o.host}`)),
    el('div', {class: 'cards'},
      card('Applied', o.applied, '#/history?status=applied', o.restores ? `${o.restores} restores` : null),
      card('Pending', pending, '#/plan', pending ? o.pending.slice(0, 3).join(', ') + (pending > 3 ? ', …' : '') : 'nothing to apply'),
      card('Refused', refused ? 'yes' : 'no', '#/plan', refused ? `by ${plan.refusal.gate}` : (plan ? 'every gate passes' : o.planError)),
      card('Failed', o.failed.length, '#/history?status=failed', o.failed.join(', ') || 'no failed migration'),
      card('Running', o.lockHolder ? 'yes' : 'no', null, o.lockHolder ? o.lockHolder.text : 'nobody holds the apply lock'),
      card('Live artifacts', o.liveArtifacts, '#/artifacts', o.nextArtifactExpiry ? ['first expires ', when(o.nextArtifactExpiry)] : 'none expiring')),
    el('section', {class: 'panel'},
      el('h2', {}, 'Worst pending risk'),
      plan && plan.steps ? el('p', {}, pill(plan.worstLevel, plan.worstScore), ` across ${plan.steps} pending step(s) — `,
        el('a', {href: '#/plan'}, 'open the plan')) : el('p', {class: 'muted'}, plan ? 'Nothing pending.' : o.planError),
      refused ? el('div', {class: 'refusal', role: 'note'},
        el('strong', {}, `REFUSED by ${plan.refusal.gate}: `), plan.refusal.message,
        el('div', {class: 'fix'}, el('strong', {}, 'fix: '), plan.refusal.fix)) : null),
    el('section', {class: 'panel'},
      el('h2', {}, 'Last run'),
      o.lastApplied ? el('p', {}, el('a', {href: `#/history/${encodeURIComponent(o.lastApplied.id)}`}, o.lastApplied.id),
        ' · ', when(o.lastApplied.appliedAt), ' · ', ms(o.lastApplied.durationMs)) : el('p', {class: 'muted'}, 'No migration applied yet.'),
      o.failedSteps.length ? el('ul', {class: 'failed'}, o.failedSteps.map(s => el('li', {},
        el('a', {href: `#/history/${encodeURIComponent(s.migrationId)}`}, `${s.migrationId} #${s.stepIndex}`),
        ` ${s.operationKind}: `, s.error || 'interrupted', s.sqlState ? ` (SQLSTATE ${s.sqlState})` : ''))) : null));
}
