import {api, el, fill, pill, pillText, status, ms, when, code} from './ui.js';

function entryPage(main, entry) {
  fill(main,
    el('div', {class: 'heading'}, el('h1', {}, entry.id),
      el('p', {class: 'muted'}, `${entry.kind} · `, status(entry.status), ' · ', when(entry.appliedAt), ' · ', ms(entry.durationMs))),
    el('p', {}, el('a', {href: '#/history'}, '← all migrations')),
    el('ol', {class: 'steps'}, entry.steps.map(s => el('li', {class: 'step'},
      el('details', {open: s.status === 'failed'},
        el('summary', {}, el('span', {class: 'idx'}, String(s.stepIndex).padStart(2, '0')), ' ',
          el('span', {class: 'kind'}, s.operationKind), ' ', pill(s.riskLevel, s.riskScore), ' ', status(s.status), ' ',
          s.summary || '', el('span', {class: 'muted'}, ` · ${ms(s.durationMs)}${s.attempts > 1 ? ` · ${s.attempts} attempts` : ''}`)),
        el('div', {class: 'step-body'},
          s.reasons && s.reasons.length ? el('p', {}, s.reasons.map(r => el('span', {class: 'reason'}, r))) : null,
          s.error ? el('div', {class: 'problem'}, s.error, s.sqlState ? ` (SQLSTATE ${s.sqlState})` : '') : null,
          el('p', {class: 'muted'}, 'started ', when(s.startedAt), ' · finished ', when(s.finishedAt)),
          s.sql ? code(s.sql, `SQL of step ${s.stepIndex}`) : null))))));
}

function filters(query, kinds, onChange) {
  const field = (id, label, input) => el('label', {for: id}, label, ' ', input);
  const statusSelect = el('select', {id: 'f-status'}, ['', 'applied', 'failed', 'running', 'restore'].map(v =>
    el('option', {value: v, selected: query.get('status') === v}, v || 'any status')));
  const kindSelect = el('select', {id: 'f-kind'}, ['', ...kinds].map(v =>
    el('option', {value: v, selected: query.get('kind') === v}, v || 'any operation')));
  const from = el('input', {type: 'date', id: 'f-from', value: query.get('from') || ''});
  const to = el('input', {type: 'date', id: 'f-to', value: query.get('to') || ''});
  const text = el('input', {type: 'search', id: 'f-q', placeholder: 'id contains…', value: query.get('q') || ''});
  const form = el('form', {class: 'filters', role: 'search', 'aria-label': 'Filter the history'},
    field('f-status', 'Status', statusSelect), field('f-kind', 'Operation', kindSelect),
    field('f-from', 'From', from), field('f-to', 'To', to), field('f-q', 'Id', text),
    el('button', {type: 'submit', class: 'primary'}, 'Filter'));
  form.addEventListener('submit', event => {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [key, input] of [['status', statusSelect], ['kind', kindSelect], ['from', from], ['to', to], ['q', text]]) {
      if (input.value) params.set(key, input.value);
    }
    onChange(params);
  });
  return form;
}

export async function historyPage(main, params, ctx) {
  if (params.length) {
    entryPage(main, await api('history/' + encodeURIComponent(params[0])));
    return;
  }
  const query = ctx.query;
  const [entries, all] = await Promise.all([api('history?' + query), query.toString() ? api('history') : null]);
  const kinds = [...new Set((all || entries).flatMap(e => e.kinds))].sort();
  const rows = entries.slice().reverse();
  fill(main,
    el('div', {class: 'heading'}, el('h1', {}, 'History'), el('p', {class: 'muted'}, `${entries.length} entries, newest first`)),
    filters(query, kinds, p => { location.hash = '#/history' + (p.toString() ? '?' + p : ''); }),
    el('table', {class: 'list', id: 'history'},
      el('thead', {}, el('tr', {}, ['Migration', 'Status', 'Worst risk', 'Steps', 'Applied', 'Duration'].map(h =>
        el('th', {scope: 'col'}, h)))),
      el('tbody', {}, rows.map(e => el('tr', {},
        el('td', {}, el('a', {href: `#/history/${encodeURIComponent(e.id)}`}, e.id), e.kind === 'restore' ? el('span', {class: 'tag'}, 'restore') : null),
        el('td', {}, status(e.status)), el('td', {}, pillText(e.worstRisk)), el('td', {class: 'num'}, e.steps),
        el('td', {}, when(e.appliedAt)), el('td', {class: 'num'}, ms(e.durationMs)))))),
    entries.length ? null : el('p', {class: 'muted'}, 'No migration matches these filters.'));
}
