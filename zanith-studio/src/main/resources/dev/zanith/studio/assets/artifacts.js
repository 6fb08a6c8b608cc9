import {api, el, fill, send, bytes, when, age, code, confirmDialog, problem} from './ui.js';

const path = id => 'artifacts/' + encodeURIComponent(id);

async function detail(main, id, ctx) {
  const [a] = await Promise.all([api(path(id)), ctx.shell()]);
  const writes = ctx.state.writes;
  const outcome = el('div', {id: 'artifact-outcome', 'aria-live': 'polite'});
  const restore = el('button', {type: 'button', class: 'primary', id: 'restore', disabled: !writes.allowed || a.status !== 'live',
    title: writes.allowed ? null : writes.reason}, 'Restore');
  const purge = el('button', {type: 'button', class: 'danger', id: 'purge', disabled: !writes.allowed,
    title: writes.allowed ? null : writes.reason}, 'Purge…');
  restore.addEventListener('click', async () => {
    const ok = await confirmDialog({title: `Restore ${a.sourceSchema}.${a.sourceTable}${a.sourceColumn ? '.' + a.sourceColumn : ''}?`,
      message: a.restore || 'Brings the parked data back under its old name, in one transaction under the apply lock, '
        + 'recorded in the history.', confirm: 'Restore'});
    if (!ok) return;
    const {status, body} = await send('POST', path(id) + '/restore');
    fill(outcome, status === 200 ? el('p', {class: 'verdict green', role: 'status'}, el('strong', {}, 'Restored: '),
      body.source || id, body.message ? ` — ${body.message}` : '')
      : el('div', {class: 'problem', role: 'alert'}, el('strong', {}, status === 409 ? 'Refused (nothing changed): ' : `Error ${status}: `),
        body ? body.message : ''));
    ctx.refresh();
  });
  purge.addEventListener('click', async () => {
    const ok = await confirmDialog({title: 'Purge this artifact for good?', danger: true, typed: id, confirm: 'Purge',
      message: `Drops the parked data (${a.physicalName}, ${a.rowCount ?? '?'} rows) and its row. This cannot be undone.`});
    if (!ok) return;
    const {status, body} = await send('DELETE', path(id) + '?confirm=' + encodeURIComponent(id));
    if (status === 200) {
      location.hash = '#/artifacts';
      ctx.refresh();
    } else {
      fill(outcome, el('div', {class: 'problem', role: 'alert'}, `Error ${status}: `, body ? body.message : ''));
    }
  });
  const row = (k, v) => el('tr', {}, el('th', {scope: 'row'}, k), el('td', {}, v));
  fill(main,
    el('div', {class: 'heading'}, el('h1', {}, 'Artifact'), el('p', {class: 'muted'}, id)),
    el('p', {}, el('a', {href: '#/artifacts'}, '← all artifacts')),
    el('table', {class: 'kv'}, el('tbody', {},
      row('Type', a.type), row('Status', a.status),
      row('Source', `${a.sourceSchema}.${a.sourceTable}${a.sourceColumn ? '.' + a.sourceColumn : ''}`),
      row('Physical name', el('code', {}, a.physicalName)), row('Rows', a.rowCount ?? '—'), row('Size', bytes(a.sizeBytes)),
      row('Checksum', el('code', {}, a.checksum || '—')),
      row('Data present', a.dataPresent ? 'yes' : 'no'),
      row('Created', when(a.createdAt)), row('Expires', when(a.expiresAt)),
      row('Migration', el('a', {href: `#/history/${encodeURIComponent(a.migrationId)}`}, `${a.migrationId} #${a.stepIndex}`)),
      row('Restore would', a.restore || '—'))),
    el('div', {class: 'actions'}, restore, ' ',
      el('a', {class: 'button', id: 'export-csv', href: 'api/' + path(id) + '/export?format=csv', download: ''}, 'Export CSV'), ' ',
      el('a', {class: 'button', id: 'export-jsonl', href: 'api/' + path(id) + '/export?format=jsonl', download: ''}, 'Export JSONL'), ' ',
      purge),
    writes.allowed ? null : el('p', {class: 'muted'}, 'Restore and purge are disabled: ', writes.reason),
    outcome,
    el('section', {class: 'panel'}, el('h2', {}, 'Recovery SQL'), code(a.recoverySql || '', 'recovery SQL')));
}

export async function artifactsPage(main, params, ctx) {
  if (params.length) {
    await detail(main, params[0], ctx);
    return;
  }
  const artifacts = await api('artifacts');
  const live = artifacts.filter(a => a.status === 'live');
  const total = live.reduce((sum, a) => sum + (a.sizeBytes || 0), 0);
  fill(main,
    el('div', {class: 'heading'}, el('h1', {}, 'Artifacts'),
      el('p', {class: 'muted'}, `${live.length} live of ${artifacts.length} · ${bytes(total)} parked`)),
    artifacts.length ? el('table', {class: 'list', id: 'artifacts'},
      el('thead', {}, el('tr', {}, ['Source', 'Type', 'Status', 'Rows', 'Size', 'Age', 'Expires'].map(h => el('th', {scope: 'col'}, h)))),
      el('tbody', {}, artifacts.map(a => el('tr', {},
        el('td', {}, el('a', {href: `#/artifacts/${encodeURIComponent(a.id)}`},
          `${a.sourceSchema}.${a.sourceTable}${a.sourceColumn ? '.' + a.sourceColumn : ''}`)),
        el('td', {}, a.type), el('td', {}, a.status), el('td', {class: 'num'}, a.rowCount ?? '—'),
        el('td', {class: 'num'}, bytes(a.sizeBytes)), el('td', {}, age(a.createdAt)), el('td', {}, when(a.expiresAt))))))
      : el('p', {class: 'muted'}, 'No recovery artifact: destructive steps park their data here.'));
}
