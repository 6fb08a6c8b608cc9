import {api, el, fill} from './ui.js';

const CHANGE = {added: '+', removed: '−', changed: '~'};
const lower = value => String(value).toLowerCase();

function diffView(result) {
  const c = result.changes;
  if (!c.models.length && !c.others.length) return el('p', {class: 'muted'}, 'No differences.');
  return el('div', {class: 'diff'},
    el('ul', {}, c.models.map(m => el('li', {class: `change-${lower(m.change)}`},
      el('strong', {}, `${CHANGE[lower(m.change)] || ''} ${m.model}`), ` ${lower(m.change)}`,
      m.fields.length ? el('ul', {}, m.fields.map(f => el('li', {class: `change-${lower(f.change)}`},
        `${CHANGE[lower(f.change)] || ''} ${f.field}`, f.before || f.after ? el('span', {class: 'muted'},
          ` ${f.before ?? ''}${f.before && f.after ? ' → ' : ''}${f.after ?? ''}`) : null))) : null,
      m.details.length ? el('ul', {}, m.details.map(d => el('li', {class: 'muted'}, d))) : null))),
    c.others.length ? el('ul', {}, c.others.map(o => el('li', {}, o))) : null);
}

function label(s) {
  return `#${s.id} ${s.migrationId} ${String(s.phase).toLowerCase()} · ${s.modelCount} models`;
}

/** The model list: one row per model, filtered as you type; built once, filtered by toggling hidden. */
function modelList(models) {
  const count = el('span', {class: 'muted', id: 'model-count', 'aria-live': 'polite'});
  const search = el('input', {type: 'search', id: 'model-search', placeholder: 'Search models, columns, references…',
    'aria-controls': 'models', autocomplete: 'off'});
  const list = el('ul', {class: 'models', id: 'models'});
  const fragment = document.createDocumentFragment();
  const index = [];
  for (const m of models) {
    // the columns and references are built when a model is first opened: 1,000 closed rows stay cheap
    const details = el('details', {},
      el('summary', {}, el('strong', {}, m.name), el('span', {class: 'muted'},
        ` · ${m.columns.length} columns · ${m.references.length} references · ${m.indexes} indexes`)));
    details.addEventListener('toggle', () => {
      if (!details.open || details.dataset.built) return;
      details.dataset.built = 'yes';
      details.append(el('ul', {class: 'columns'}, m.columns.map(c => el('li', {}, el('code', {}, c.name), ` ${c.type}${c.notNull ? ' not null' : ''}`))),
        m.references.length ? el('ul', {class: 'refs'}, m.references.map(r => el('li', {},
          `${r.columns.join(', ')} → ${r.table} (${r.referencedColumns.join(', ')})`))) : null);
    });
    const item = el('li', {}, details);
    index.push([item, [m.name, ...m.columns.map(c => c.name), ...m.references.map(r => r.table)].join(' ').toLowerCase()]);
    fragment.append(item);
  }
  list.append(fragment);
  const apply = () => {
    const started = performance.now();
    const words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const [item, text] of index) {
      const match = words.every(w => text.includes(w));
      if (item.hidden === match) item.hidden = !match;
      if (match) shown++;
    }
    count.textContent = `${shown} of ${models.length} models`;
    count.dataset.filterMs = String(Math.round(performance.now() - started)); // for measuring the search
  };
  let timer;
  search.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(apply, 60); });
  apply();
  return el('section', {class: 'panel'}, el('h2', {}, 'Models'), el('label', {for: 'model-search', class: 'visually-hidden'}, 'Search models'),
    search, ' ', count, list);
}

export async function schemaPage(main, params, ctx) {
  const snapshots = await api('snapshots');
  if (!snapshots.length) {
    fill(main, el('div', {class: 'heading'}, el('h1', {}, 'Schema')),
      el('p', {class: 'muted'}, 'No snapshot recorded yet: every apply records one before and after each migration.'));
    return;
  }
  const latest = snapshots[snapshots.length - 1];
  const select = (id, chosen) => el('select', {id}, snapshots.map(s => el('option', {value: s.id, selected: s.id === chosen}, label(s))));
  const from = select('snap-from', snapshots[0].id);
  const to = select('snap-to', latest.id);
  const diffArea = el('div', {id: 'diff'});
  const modelsArea = el('div', {id: 'model-area'});
  const timeline = el('ol', {class: 'timeline', 'aria-label': 'Snapshot timeline'}, snapshots.map(s => el('li', {},
    el('button', {type: 'button', class: 'snap', dataset: {id: s.id}, onclick: () => showModels(s.id)},
      `#${s.id}`), ` ${s.migrationId} `, el('span', {class: 'muted'}, `${String(s.phase).toLowerCase()} · ${s.modelCount} models`))));
  async function showDiff(event) {
    if (event) event.preventDefault();
    fill(diffArea, el('p', {class: 'muted'}, 'Comparing…'));
    const result = await api(`snapshots/${from.value}/diff/${to.value}`);
    fill(diffArea, el('h3', {}, `#${result.from.id} → #${result.to.id}`), diffView(result));
  }
  async function showModels(id) {
    const result = await api(`snapshots/${id}/models`);
    fill(modelsArea, el('p', {class: 'muted'}, `Snapshot #${id}: ${result.snapshot.migrationId} ${String(result.snapshot.phase).toLowerCase()}`),
      modelList(result.models));
  }
  fill(main,
    el('div', {class: 'heading'}, el('h1', {}, 'Schema'), el('p', {class: 'muted'}, `${snapshots.length} snapshots`)),
    el('section', {class: 'panel'}, el('h2', {}, 'Timeline'), timeline),
    el('section', {class: 'panel'}, el('h2', {}, 'Compare two snapshots'),
      el('form', {class: 'filters', onsubmit: showDiff}, el('label', {for: 'snap-from'}, 'From ', from),
        el('label', {for: 'snap-to'}, 'To ', to), el('button', {type: 'submit', class: 'primary'}, 'Compare')), diffArea),
    modelsArea);
  await showModels(latest.id);
}
