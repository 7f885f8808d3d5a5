import './styles.css';
import { api, session, whenSignedOut } from './api.js';
import { h, clear, clockTime } from './dom.js';
import { signInView } from './views/signin.js';
import { newDesignView } from './views/new-design.js';
import { designView } from './views/design.js';
import { historyView } from './views/history.js';
import { analyticsView } from './views/analytics.js';
import { agentsView } from './views/agents.js';

const main = document.getElementById('main');
const header = document.getElementById('site-header');

/** What every view may use: the signed-in caller, quotas, and a way to refresh them. */
export const account = { me: null, quotas: [], signOutMessage: null };

const routes = [
  { pattern: /^#\/signin$/, view: signInView, title: 'Sign in', public: true },
  { pattern: /^#\/new$/, view: newDesignView, title: 'New design' },
  { pattern: /^#\/designs\/([0-9a-fA-F-]{36})$/, view: designView, title: 'Design' },
  { pattern: /^#\/history$/, view: historyView, title: 'History' },
  { pattern: /^#\/analytics$/, view: analyticsView, title: 'Analytics' },
  { pattern: /^#\/agents$/, view: agentsView, title: 'Custom agents' },
];

let current = null;

export function navigate(hash) {
  if (location.hash === hash) route();
  else location.hash = hash;
}

async function route() {
  current?.abort();
  current = new AbortController();
  const signal = current.signal;

  const hash = location.hash || '#/new';
  let match = null;
  const entry = routes.find((r) => (match = hash.match(r.pattern)) !== null);
  if (!entry) {
    navigate(session.key ? '#/new' : '#/signin');
    return;
  }

  if (!entry.public && !session.key) {
    navigate('#/signin');
    return;
  }

  if (session.key && !account.me && !entry.public) {
    try {
      await refreshAccount();
    } catch {
      return; // a 401 already sent the page to sign-in
    }
  }

  renderHeader(hash);
  document.title = `${entry.title} · Carlos`;
  clear(main);
  try {
    await entry.view(main, { signal, params: match.slice(1), account, refreshAccount, navigate });
  } catch (error) {
    if (signal.aborted || error?.name === 'AbortError') return;
    main.append(h('div', { class: 'notice notice-error', role: 'alert' }, error.message));
  }
  if (!signal.aborted) {
    const heading = main.querySelector('h1');
    (heading ?? main).setAttribute('tabindex', '-1');
    (heading ?? main).focus({ preventScroll: false });
  }
}

export async function refreshAccount() {
  const [me, quotas] = await Promise.all([api('/v1/me'), api('/v1/rate-limits')]);
  account.me = me;
  account.quotas = quotas;
  renderHeader(location.hash);
}

const QUOTA_NAMES = { design: 'Designs', custom_agent: 'Custom agents', upload: 'Uploads', read: 'Reads' };

function renderHeader(hash) {
  const links = [
    ['#/new', 'New design'],
    ['#/history', 'History'],
    ['#/agents', 'Agents'],
    ['#/analytics', 'Analytics'],
  ];

  const nav = session.key && account.me
    ? h('nav', { 'aria-label': 'Main' }, h('ul', {}, links.map(([href, text]) =>
      h('li', {}, h('a', { href, 'aria-current': hash.startsWith(href) ? 'page' : null }, text)))))
    : null;

  const who = session.key && account.me
    ? h('div', { class: 'account', 'aria-label': 'Your account' },
      h('p', { class: 'who' },
        h('span', {}, 'Tenant ', h('strong', { 'data-testid': 'tenant' }, account.me.tenantId)),
        h('span', {}, 'User ', h('strong', { 'data-testid': 'user' }, account.me.userId)),
        h('span', { class: 'role' }, account.me.role.replace('_', ' '))),
      h('details', { class: 'quotas' },
        h('summary', {}, 'Remaining quota'),
        h('table', { class: 'quota-table' },
          h('caption', { class: 'visually-hidden' }, 'Remaining requests per endpoint class'),
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Class'), h('th', { scope: 'col' }, 'Left'),
            h('th', { scope: 'col' }, 'Resets'))),
          h('tbody', {}, account.quotas.map((q) => h('tr', { 'data-quota': q.endpoint },
            h('th', { scope: 'row' }, QUOTA_NAMES[q.endpoint] ?? q.endpoint),
            h('td', {}, `${q.remaining} of ${q.limit}`),
            h('td', {}, q.remaining === q.limit ? '—' : clockTime(q.resetAt))))))),
      h('button', { type: 'button', class: 'link-button', onclick: signOut }, 'Sign out'))
    : null;

  header.replaceChildren(h('div', { class: 'header-inner' },
    h('a', { class: 'brand', href: session.key ? '#/new' : '#/signin' }, h('span', { 'aria-hidden': 'true' }, '◆ '),
      'Carlos'),
    nav, who));
}

function signOut() {
  session.signOut();
  account.me = null;
  account.quotas = [];
  navigate('#/signin');
}

whenSignedOut((error) => {
  session.signOut();
  account.me = null;
  account.signOutMessage = error.message;
  navigate('#/signin');
});

window.addEventListener('hashchange', route);
route();
