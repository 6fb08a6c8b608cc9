// Zanith Studio: hash routes to pages; every page reads the JSON API under ./api/ (docs/STUDIO.md).
import {api, el, fill, problem} from './ui.js';
import {overviewPage} from './overview.js';
import {planPage} from './plan.js';
import {historyPage} from './history.js';
import {schemaPage} from './schema.js';
import {artifactsPage} from './artifacts.js';
import {auditPage} from './audit.js';

const PAGES = {overview: overviewPage, plan: planPage, history: historyPage, schema: schemaPage, artifacts: artifactsPage, audit: auditPage};

const main = document.getElementById('main');
const state = {writes: {allowed: false, reason: 'loading'}};

// The CLI's one-time token came in the URL and is now a cookie: keep it out of the address bar and of bookmarks.
if (new URLSearchParams(location.search).has('token')) {
  history.replaceState(null, '', location.pathname + location.hash);
}

function theme() {
  const saved = localStorage.getItem('zanith-studio-theme');
  if (saved) document.documentElement.dataset.theme = saved;
  document.getElementById('theme').addEventListener('click', () => {
    const dark = document.documentElement.dataset.theme
      ? document.documentElement.dataset.theme === 'dark'
      : matchMedia('(prefers-color-scheme: dark)').matches;
    const next = dark ? 'light' : 'dark';
    document.documentElement.dataset.theme = next;
    localStorage.setItem('zanith-studio-theme', next);
  });
}

/** Writes on or off, and why: shown on every page. */
function banner(writes) {
  const node = document.getElementById('writes');
  node.hidden = writes.allowed;
  node.className = 'banner';
  fill(node, el('strong', {}, 'Read-only. '), writes.reason);
}

async function refreshShell() {
  try {
    const overview = await api('overview');
    state.writes = overview.writes;
    state.overview = overview;
    document.getElementById('target').textContent = overview.target;
    banner(overview.writes);
    overview.fresh = true;
    return overview;
  } catch (e) {
    return null;
  }
}

async function route() {
  const [path, query = ''] = (location.hash || '#/overview').slice(1).split('?');
  const [, name = 'overview', ...rest] = path.split('/');
  const page = PAGES[name] || overviewPage;
  for (const link of document.querySelectorAll('nav a')) {
    if (link.dataset.page === name) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  const started = performance.now();
  delete main.dataset.rendered;
  fill(main, el('p', {class: 'muted loading'}, 'Loading…'));
  try {
    await page(main, rest.map(decodeURIComponent), {state, query: new URLSearchParams(query),
      // the overview the header shows (loaded once, beside the first page; again after every write)
      shell: () => shell, refresh: () => (shell = refreshShell())});
  } catch (e) {
    fill(main, problem(e));
  }
  main.dataset.rendered = name;
  main.dataset.renderMs = String(Math.round(performance.now() - started));
  // milliseconds since navigation started, for measuring time to first render
  main.dataset.renderedAt = String(Math.round(performance.now()));
  document.title = `${name[0].toUpperCase()}${name.slice(1)} · Zanith Studio`;
  if (document.activeElement === document.body || !main.contains(document.activeElement)) main.focus({preventScroll: true});
}

theme();
let shell = refreshShell();
window.addEventListener('hashchange', route);
route();
