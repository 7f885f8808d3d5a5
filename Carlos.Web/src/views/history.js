// The caller's designs, newest first, a page at a time, with a status filter and deletion.
import { api } from '../api.js';
import { h, field, notice, formatTime, words } from '../dom.js';

const STATUSES = ['', 'queued', 'running', 'awaiting_answers', 'completed', 'revision_required', 'failed',
  'cancelled', 'expired'];

export async function historyView(main, { signal }) {
  const filter = h('select', { name: 'status' },
    STATUSES.map((s) => h('option', { value: s }, s ? words(s) : 'Every status')));
  const rows = h('tbody', {});
  const more = h('button', { type: 'button', hidden: true }, 'Show older designs');
  const status = h('div', { role: 'status' });
  let cursor = null;

  main.append(h('h1', {}, 'Your designs'),
    h('div', { class: 'toolbar' }, field('Show', filter)),
    h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': 'Designs' },
      h('table', { class: 'history' }, h('caption', { class: 'visually-hidden' }, 'Your designs, newest first'),
        h('thead', {}, h('tr', {}, ['Design', 'Status', 'Scenario', 'Started', ''].map((t) =>
          h('th', { scope: 'col' }, t === '' ? h('span', { class: 'visually-hidden' }, 'Actions') : t)))),
        rows)),
    more, status);

  filter.addEventListener('change', () => load(true));
  more.addEventListener('click', () => load(false));
  await load(true);

  async function load(fresh) {
    if (fresh) {
      cursor = null;
      rows.replaceChildren();
    }
    const query = new URLSearchParams({ limit: '20' });
    if (filter.value) query.set('status', filter.value);
    if (cursor) query.set('cursor', cursor);
    try {
      const page = await api(`/v1/designs?${query}`, { signal });
      for (const item of page.items) rows.append(row(item));
      cursor = page.nextCursor;
      more.hidden = !cursor;
      status.textContent = rows.children.length === 0 ? 'No designs yet.' : '';
    } catch (error) {
      if (!signal.aborted) status.replaceChildren(notice('error', error.message));
    }
  }

  function row(item) {
    const remove = h('button', { type: 'button', class: 'link-button danger-text' }, 'Delete');
    const cells = h('td', {}, remove);
    remove.addEventListener('click', () => {
      const yes = h('button', { type: 'button', class: 'danger' }, 'Yes, delete');
      const no = h('button', { type: 'button' }, 'Keep');
      cells.replaceChildren(h('span', {}, 'Delete for good? '), yes, ' ', no);
      yes.focus();
      no.addEventListener('click', () => { cells.replaceChildren(remove); remove.focus(); });
      yes.addEventListener('click', async () => {
        try {
          await api(`/v1/designs/${item.id}`, { method: 'DELETE' });
          tr.remove();
          status.textContent = 'The design was deleted.';
        } catch (error) {
          status.replaceChildren(notice('error', error.message));
        }
      });
    });
    const tr = h('tr', { 'data-design': item.id },
      h('th', { scope: 'row' }, h('a', { href: `#/designs/${item.id}` }, item.title || item.id.slice(0, 8))),
      h('td', {}, h('span', { class: `badge badge-${item.status}` }, words(item.status))),
      h('td', {}, words(item.scenario)),
      h('td', {}, formatTime(item.createdAt)),
      cells);
    return tr;
  }
}
