import {api, el, fill, pill, code, writeHeaders, ms, confirmDialog} from './ui.js';

const GATE_MARK = {passed: '✔', refused: '✖', off: '–'};

function facts(f) {
  const parts = [];
  parts.push(f.locks.length ? f.locks.map(l => `${l.mode} on ${l.table}${l.held ? '' : ' (brief)'}`).join(', ')
    : (f.rewrite === null ? 'locks unknown' : 'no table lock'));
  if (f.rewrite === true) parts.push('rewrites the table');
  else if (f.scan === true) parts.push('scans the table');
  if (!f.transactional) parts.push('outside a transaction');
  if (f.breaksClients === true) parts.push('breaks old clients');
  if (f.dataLoss === true) parts.push('can lose data');
  if (f.rewrite === null) parts.push('effects unknown');
  return parts.join(' · ');
}

function preflight(results) {
  if (!results.length) return null;
  return el('ul', {class: 'preflight'}, results.map(r => el('li', {class: `pf-${r.status}`},
    el('span', {class: 'mark'}, r.status === 'passed' ? '✔' : r.status === 'failed' ? '✖' : r.status === 'inconclusive' ? '!' : 'i'),
    ` preflight ${r.check}: ${r.message}`,
    r.count !== null && r.count !== undefined ? el('span', {class: 'muted'}, ` · ${r.count}${r.countCapped ? '+' : ''} row(s)`) : null,
    r.samples && r.samples.length ? el('span', {class: 'muted'}, ` · sample ${r.keyColumns.join(', ')}: ${r.samples.join('; ')}`) : null)));
}

function step(s) {
  return el('li', {class: 'step'},
    el('details', {},
      el('summary', {},
        el('span', {class: 'idx'}, String(s.stepIndex).padStart(2, '0')), ' ',
        el('span', {class: 'kind'}, s.operationKind), ' ', pill(s.level, s.score), ' ', s.summary,
        s.done ? el('span', {class: 'muted'}, ' (done earlier; apply resumes after it)') : null),
      el('div', {class: 'step-body'},
        el('p', {}, s.reasons.map(r => el('span', {class: 'reason'}, r)), el('span', {class: 'muted'}, ' · ' + facts(s.facts))),
        s.notes.length ? el('ul', {class: 'notes'}, s.notes.map(n => el('li', {}, n))) : null,
        preflight(s.preflight),
        s.hint ? el('p', {class: 'hint'}, 'hint: ', s.hint) : null,
        code(s.statements.join(';\n') + (s.statements.length ? ';' : ''), `SQL of step ${s.stepIndex}`))));
}

function gates(plan) {
  return el('table', {class: 'gates'},
    el('caption', {}, plan.whatIf ? 'Gates (what-if)' : 'Gates'),
    el('thead', {}, el('tr', {}, el('th', {scope: 'col'}, 'Gate'), el('th', {scope: 'col'}, 'Verdict'),
      el('th', {scope: 'col'}, 'Why'), el('th', {scope: 'col'}, 'Fix'))),
    el('tbody', {}, plan.gateResults.map(g => el('tr', {class: `gate-${g.status}`},
      el('th', {scope: 'row'}, g.gate), el('td', {}, `${GATE_MARK[g.status] || ''} ${g.status}`),
      el('td', {}, g.message), el('td', {}, g.fix || '')))));
}

function verdict(plan) {
  if (plan.verdict === 'GREEN') {
    return el('p', {class: 'verdict green'}, el('strong', {}, 'GREEN'), ': every gate passes.');
  }
  const r = plan.refusal;
  return el('div', {class: 'verdict refused', role: 'note'},
    el('p', {}, el('strong', {}, 'REFUSED'), ` by ${r.gate} at ${r.migrationId} #${r.stepIndex} (${r.operationKind})`),
    el('p', {}, r.message), el('p', {class: 'fix'}, el('strong', {}, 'fix: '), r.fix));
}

function whatIfPanel(plan, onChange) {
  const g = plan.configuredGates;
  const current = plan.gates;
  const maxRisk = el('input', {type: 'number', id: 'wi-max-risk', min: 0, max: 100, placeholder: 'off',
    value: current.maxRisk ?? ''});
  const destructive = el('input', {type: 'checkbox', id: 'wi-destructive', checked: current.allowDestructive});
  const deny = el('input', {type: 'text', id: 'wi-deny', placeholder: 'e.g. rewrites_table,drops_column_with_data',
    value: current.denyReasons.join(',')});
  const form = el('form', {class: 'whatif', 'aria-label': 'What-if gates'},
    el('h2', {}, 'What if…'),
    el('p', {class: 'muted'}, `Configured: max-risk ${g.maxRisk ?? 'off'}, allow-destructive ${g.allowDestructive}, deny-reasons ${g.denyReasons.join(',') || 'none'}. `,
      'Re-evaluates the gates on this plan; nothing is written.'),
    el('label', {for: 'wi-max-risk'}, 'max-risk '), maxRisk, ' ',
    el('label', {for: 'wi-destructive'}, destructive, ' allow-destructive'), ' ',
    el('label', {for: 'wi-deny'}, 'deny-reasons '), deny, ' ',
    el('button', {type: 'submit', class: 'primary'}, 'Re-evaluate'), ' ',
    el('button', {type: 'button', onclick: () => onChange(null)}, 'Reset'));
  form.addEventListener('submit', event => {
    event.preventDefault();
    const params = new URLSearchParams();
    params.set('maxRisk', maxRisk.value === '' ? 'off' : maxRisk.value);
    params.set('allowDestructive', destructive.checked);
    params.set('denyReasons', deny.value);
    onChange(params);
  });
  return form;
}

/** Reads server-sent events from a streamed POST answer, calling onEvent(name, data) for each. */
async function readEvents(response, onEvent) {
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const {done, value} = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, {stream: true});
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let name = 'message', data = '';
      for (const line of block.split('\n')) {
        if (line.startsWith('event: ')) name = line.slice(7);
        else if (line.startsWith('data: ')) data += line.slice(6);
      }
      onEvent(name, data ? JSON.parse(data) : null);
    }
  }
}

function applyPanel(plan, ctx, reload) {
  const log = el('ol', {class: 'progress', 'aria-live': 'polite', id: 'apply-progress'});
  const result = el('div', {id: 'apply-result'});
  const button = el('button', {type: 'button', class: 'primary', id: 'apply'}, 'Apply pending migrations');
  const writes = ctx.state.writes;
  if (!writes.allowed) {
    button.disabled = true;
    button.title = writes.reason;
  }
  const rows = new Map();
  button.addEventListener('click', async () => {
    const ok = await confirmDialog({title: 'Apply pending migrations?',
      message: `Runs ${plan.summary.steps} step(s) of ${plan.summary.migrations} migration(s) against ${plan.database}, `
        + 'under the configured gates (not the what-if ones), audited step by step.', confirm: 'Apply'});
    if (!ok) return;
    button.disabled = true;
    fill(log); fill(result, el('p', {class: 'muted'}, 'Applying…'));
    const response = await fetch('api/apply', {method: 'POST', credentials: 'same-origin',
      headers: writeHeaders({Accept: 'text/event-stream'})});
    if (!response.ok) {
      const body = await response.json().catch(() => ({message: `HTTP ${response.status}`}));
      fill(result, el('div', {class: 'problem', role: 'alert'}, body.message));
      button.disabled = false;
      return;
    }
    await readEvents(response, (name, d) => {
      const key = d && `${d.migrationId}#${d.stepIndex}`;
      if (name === 'migration') log.append(el('li', {class: 'ev-migration'}, `▶ ${d.migrationId} (${d.steps} step(s))`));
      else if (name === 'step') {
        const sigil = {started: '…', done: '✔', failed: '✖', skipped: '↻'}[d.status];
        const row = rows.get(key) || el('li', {class: 'ev-step'});
        const backfill = row.querySelector('.backfill');
        fill(row, el('span', {class: `sigil s-${d.status}`}, sigil), ` ${d.migrationId} #${d.stepIndex} ${d.operationKind} `,
          d.riskLevel ? pill(d.riskLevel, d.riskScore) : null, ` ${d.summary}`,
          d.durationMs !== null ? el('span', {class: 'muted'}, ` ${ms(d.durationMs)}`) : null,
          d.error ? el('div', {class: 'problem'}, d.error) : null, backfill);
        row.dataset.status = d.status;
        if (!rows.has(key)) { rows.set(key, row); log.append(row); }
      } else if (name === 'backfill') {
        const row = rows.get(key);
        if (row) {
          const pct = d.fraction >= 0 ? `${Math.round(d.fraction * 100)}% · ` : '';
          let progress = row.querySelector('.backfill');
          if (!progress) { progress = el('div', {class: 'backfill'}); row.append(progress); }
          progress.textContent = `backfill ${pct}${d.rows} rows · ${Math.round(d.rowsPerSecond)} rows/s`
            + (d.etaSeconds !== null ? ` · ETA ${d.etaSeconds} s` : '');
        }
      } else if (name === 'retry') log.append(el('li', {class: 'ev-retry'},
        `⟳ lock timeout at ${d.migrationId} #${d.stepIndex}: attempt ${d.attempt}/${d.maxAttempts}, retry in ${ms(d.delayMs)}`));
      else if (name === 'lock') log.append(el('li', {class: 'ev-lock'}, `⏳ waiting up to ${d.waitSeconds} s for ${d.holder}`));
      else if (name === 'applied') log.append(el('li', {class: 'ev-applied'}, `✔ ${d.migrationId} applied in ${ms(d.durationMs)}`));
      else if (name === 'result') {
        fill(result, d.refused ? el('div', {class: 'verdict refused', role: 'alert'}, el('strong', {}, 'REFUSED: '), d.refusal)
          : d.failedStep ? el('div', {class: 'problem', role: 'alert'}, `Step ${d.failedStep.migrationId} #${d.failedStep.stepIndex} failed: ${d.failedStep.error}`)
          : el('p', {class: 'verdict green', role: 'status'}, el('strong', {}, 'Applied: '),
            d.applied.length ? d.applied.join(', ') : 'nothing was pending'));
      } else if (name === 'error') fill(result, el('div', {class: 'problem', role: 'alert'}, d.message));
    });
    ctx.refresh();
    reload(false);
  });
  return el('section', {class: 'panel apply'}, el('h2', {}, 'Apply'),
    writes.allowed ? null : el('p', {class: 'muted'}, 'Writes are disabled: ', writes.reason),
    button, log, result);
}

export async function planPage(main, params, ctx) {
  await ctx.shell();
  let whatIf = null;
  const applyArea = el('div');
  const planArea = el('div');
  let applyPanelShown = false;
  async function load(showApply = true) {
    const plan = await api('plan' + (whatIf ? '?' + whatIf : ''));
    const empty = plan.summary.steps === 0;
    fill(planArea,
      el('div', {class: 'heading'}, el('h1', {}, 'Plan'),
        el('p', {class: 'muted'}, `${plan.database} · PostgreSQL ${plan.server.version} · ${plan.summary.migrations} pending migration(s) · ${plan.summary.steps} step(s)`)),
      verdict(plan),
      empty ? null : el('p', {}, 'Worst ', pill(plan.summary.worstLevel, plan.summary.worstScore), ` · total ${plan.summary.totalScore}`),
      gates(plan),
      plan.warnings.length ? el('ul', {class: 'warnings'}, plan.warnings.map(w => el('li', {}, 'warning: ', w))) : null,
      whatIfPanel(plan, params => { whatIf = params; load(false); }),
      plan.migrations.map(m => el('section', {class: 'panel migration'},
        el('h2', {}, m.id, ' ', pill(m.worstLevel, m.worstScore)),
        m.description ? el('p', {class: 'muted'}, m.description) : null,
        el('ol', {class: 'steps'}, m.steps.map(step)))),
      empty ? el('p', {class: 'muted'}, 'Nothing pending: every migration has been applied.') : null);
    if (showApply && !applyPanelShown && !empty) {
      fill(applyArea, applyPanel(plan, ctx, load));
      applyPanelShown = true;
    }
  }
  fill(main, planArea, applyArea);
  await load();
}
