import {api, el, fill, pill, ms, bytes, age} from './ui.js';

const link = id => el('a', {href: `#/history/${encodeURIComponent(id)}`}, id);

/** Horizontal bars, widest = the largest value; each bar labelled with its number for screen readers too. */
function bars(rows, label, value, format) {
  const max = Math.max(1, ...rows.map(value));
  return el('ul', {class: 'bars'}, rows.map(r => el('li', {},
    el('span', {class: 'bar-label'}, label(r)),
    el('span', {class: 'bar-track'}, el('span', {class: 'bar', style: `width: ${(100 * value(r) / max).toFixed(1)}%`})),
    el('span', {class: 'bar-value'}, format(r)))));
}

function panel(number, title, body) {
  return el('section', {class: 'panel'}, el('h2', {}, `${number}. ${title}`), body);
}

export async function auditPage(main) {
  const a = await api('audit');
  fill(main,
    el('div', {class: 'heading'}, el('h1', {}, 'Audit'),
      el('p', {class: 'muted'}, 'The six questions of docs/AUDIT.md, answered from the audit tables.')),
    panel(1, 'The 20 most recent migrations, with their risk', a.recent.length ? el('table', {class: 'list'},
      el('tbody', {}, a.recent.map(m => el('tr', {}, el('td', {}, link(m.id)), el('td', {}, m.status),
        el('td', {}, m.worstLevel ? pill(m.worstLevel, m.worstScore) : '—'), el('td', {class: 'num'}, ms(m.durationMs))))))
      : el('p', {class: 'muted'}, 'Nothing applied yet.')),
    panel(2, 'Average step duration by operation kind', a.durationByKind.length
      ? bars(a.durationByKind, r => r.operationKind, r => r.avgMs, r => `${ms(Math.round(r.avgMs))} avg · ${r.steps} steps · max ${ms(r.maxMs)}`)
      : el('p', {class: 'muted'}, 'No finished step yet.')),
    panel(3, 'Failed steps in the last 7 days', a.failedLast7Days.length ? el('ul', {}, a.failedLast7Days.map(s => el('li', {},
      link(s.migrationId), ` #${s.stepIndex} ${s.operationKind}: `, s.error || 'interrupted', s.sqlState ? ` (SQLSTATE ${s.sqlState})` : '')))
      : el('p', {class: 'muted'}, 'No step failed in the last 7 days.')),
    panel(4, 'Per-migration worst and total risk, ranked', a.riskProfile.length
      ? bars(a.riskProfile, r => link(r.id), r => r.totalRisk, r => [pill(r.worstLevel, r.worstScore), ` total ${r.totalRisk}`])
      : el('p', {class: 'muted'}, 'No risk recorded yet.')),
    panel(5, 'Live artifacts by age and size', a.liveArtifacts.length
      ? bars(a.liveArtifacts, r => el('a', {href: `#/artifacts/${encodeURIComponent(r.id)}`}, r.source), r => r.sizeBytes || 0,
        r => `${bytes(r.sizeBytes)} · ${age(r.createdAt)} old`)
      : el('p', {class: 'muted'}, 'No live artifact.')),
    panel(6, 'The diff between two snapshots', el('p', {}, 'Pick any two on the ', el('a', {href: '#/schema'}, 'Schema'), ' page.')));
}
