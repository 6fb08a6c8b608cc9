// Small DOM and API helpers shared by the Studio's pages. No framework: plain ES modules.

/** Creates an element: el('a', {href: '#/plan', class: 'x'}, 'text', child, ...). Strings become text nodes. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces the children of node. */
export function fill(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}

/** An error raised for a non-2xx answer, carrying the API's {error, message}. */
export class ApiError extends Error {
  constructor(status, body) {
    super(body && body.message ? body.message : `HTTP ${status}`);
    this.status = status;
    this.code = body && body.error;
  }
}

function cookie(name) {
  const match = document.cookie.split(';').map(c => c.trim()).find(c => c.startsWith(name + '='));
  return match ? decodeURIComponent(match.slice(name.length + 1)) : null;
}

/** Headers every write carries: the Studio's own header, and Spring Security's CSRF token when the app sets one. */
export function writeHeaders(extra = {}) {
  const headers = {'X-Zanith-Studio': '1', ...extra};
  const xsrf = cookie('XSRF-TOKEN');
  if (xsrf) headers['X-XSRF-TOKEN'] = xsrf;
  return headers;
}

/** GETs api/<path> as JSON; throws ApiError on failure. */
export async function api(path) {
  const response = await fetch('api/' + path, {headers: {Accept: 'application/json'}, credentials: 'same-origin'});
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, body);
  return body;
}

/** POSTs or DELETEs api/<path>; resolves to {status, body} whatever the status. */
export async function send(method, path) {
  const response = await fetch('api/' + path, {method, headers: writeHeaders({Accept: 'application/json'}),
    credentials: 'same-origin'});
  const body = await response.json().catch(() => null);
  return {status: response.status, body};
}

export const LEVELS = ['safe', 'low', 'medium', 'unknown', 'high', 'destructive'];

/** A risk pill like the CLI's: the level in capitals and the score, on the level's color. */
export function pill(level, score) {
  if (!level) return el('span', {class: 'pill pill-none'}, '—');
  const id = String(level).toLowerCase();
  return el('span', {class: `pill pill-${id}`, title: `risk ${id} ${score ?? ''}`.trim()},
    `${id.toUpperCase()}${score === null || score === undefined ? '' : ' ' + score}`);
}

/** A pill from "high 72" (history's worstRisk). */
export function pillText(text) {
  if (!text) return pill(null);
  const [level, score] = String(text).split(' ');
  return pill(level, score);
}

export function status(text) {
  return el('span', {class: `status status-${String(text).toLowerCase()}`}, text);
}

export function ms(value) {
  if (value === null || value === undefined) return '—';
  if (value < 1000) return `${value} ms`;
  if (value < 60000) return `${(value / 1000).toFixed(1)} s`;
  return `${Math.floor(value / 60000)} min ${Math.round((value % 60000) / 1000)} s`;
}

export function bytes(value) {
  if (value === null || value === undefined) return '—';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = value, i = 0;
  while (v >= 1024 && i < units.length - 1) { v /= 1024; i++; }
  return `${i === 0 ? v : v.toFixed(1)} ${units[i]}`;
}

export function when(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  return el('time', {datetime: iso, title: iso}, d.toLocaleString());
}

export function age(iso) {
  if (!iso) return '—';
  const seconds = Math.max(0, (Date.now() - new Date(iso).getTime()) / 1000);
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  if (seconds < 86400 * 2) return `${Math.round(seconds / 3600)} h`;
  return `${Math.round(seconds / 86400)} d`;
}

/** A code block with a Copy button. */
export function code(text, label = 'SQL') {
  const pre = el('pre', {class: 'code', tabindex: 0}, el('code', {}, text || ''));
  const button = el('button', {type: 'button', class: 'copy', 'aria-label': `Copy ${label}`}, 'Copy');
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(text || '');
      button.textContent = 'Copied';
    } catch (e) {
      const range = document.createRange();
      range.selectNodeContents(pre);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      button.textContent = 'Selected: press Ctrl+C';
    }
    setTimeout(() => { button.textContent = 'Copy'; }, 2000);
  });
  return el('div', {class: 'code-wrap'}, button, pre);
}

/** An error box for a failed load. */
export function problem(error) {
  return el('div', {class: 'problem', role: 'alert'}, el('strong', {}, 'Could not load: '), error.message || String(error));
}

/** A page heading with an optional subtitle. */
export function heading(title, subtitle) {
  return el('div', {class: 'heading'}, el('h1', {}, title), subtitle ? el('p', {class: 'muted'}, subtitle) : null);
}

/** Asks in a modal dialog; resolves true when confirmed. With `typed`, the user must type that text first. */
export function confirmDialog({title, message, confirm, danger = false, typed = null}) {
  return new Promise(resolve => {
    const input = typed ? el('input', {type: 'text', id: 'confirm-typed', autocomplete: 'off', spellcheck: 'false',
      'aria-describedby': 'confirm-hint'}) : null;
    const ok = el('button', {type: 'submit', value: 'ok', class: danger ? 'danger' : 'primary', disabled: !!typed}, confirm);
    const cancel = el('button', {type: 'button'}, 'Cancel');
    const form = el('form', {method: 'dialog'},
      el('h2', {}, title), el('p', {}, message),
      typed ? el('label', {for: 'confirm-typed', id: 'confirm-hint'}, 'Type ', el('code', {}, typed), ' to confirm:') : null,
      input, el('div', {class: 'actions'}, cancel, ok));
    const dialog = el('dialog', {class: 'confirm', 'aria-label': title}, form);
    if (input) input.addEventListener('input', () => { ok.disabled = input.value !== typed; });
    cancel.addEventListener('click', () => dialog.close('cancel'));
    dialog.addEventListener('close', () => { dialog.remove(); resolve(dialog.returnValue === 'ok'); });
    document.body.append(dialog);
    dialog.showModal();
    (input || ok).focus();
  });
}
