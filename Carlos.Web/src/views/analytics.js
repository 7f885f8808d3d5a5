// The tenant's figures: model tokens used (and the caps, when a plan sets them), deployments and their outcomes,
// and the design cache.
import { api } from '../api.js';
import { h, formatNumber, notice, words } from '../dom.js';
import { barChart } from '../charts.js';

function percent(share) {
  return share === null || share === undefined ? '—' : `${formatNumber(share * 100, 0)}%`;
}

export async function analyticsView(main, { signal, account }) {
  const [usage, deployments, cache] = await Promise.all([
    api('/v1/usage', { signal }),
    api('/v1/analytics/deployments', { signal }),
    api('/v1/cache/stats', { signal }),
  ]);

  main.append(h('h1', {}, 'Analytics'),
    h('p', { class: 'lead' }, `Figures for tenant ${usage.tenantId}.`));

  const days = Object.entries(usage.byDay ?? {}).sort(([a], [b]) => a.localeCompare(b)).slice(-30);
  main.append(h('section', { class: 'card', 'aria-labelledby': 'usage-heading' },
    h('h2', { id: 'usage-heading' }, 'Model tokens'),
    h('dl', { class: 'figures' },
      h('div', {}, h('dt', {}, 'Today'), h('dd', {}, formatNumber(usage.today.totalTokens))),
      h('div', {}, h('dt', {}, 'This month'), h('dd', {}, formatNumber(usage.thisMonth.totalTokens))),
      h('div', {}, h('dt', {}, 'In all'), h('dd', {}, formatNumber(usage.total.totalTokens))),
      usage.caps?.tokensPerDay
        ? h('div', {}, h('dt', {}, 'Daily cap'), h('dd', {}, formatNumber(usage.caps.tokensPerDay))) : null,
      usage.caps?.tokensPerMonth
        ? h('div', {}, h('dt', {}, 'Monthly cap'), h('dd', {}, formatNumber(usage.caps.tokensPerMonth))) : null),
    days.length > 0 ? barChart({
      title: 'Tokens by day (UTC)',
      labels: days.map(([day]) => day),
      datasets: [
        { label: 'Prompt tokens', data: days.map(([, u]) => u.promptTokens) },
        { label: 'Completion tokens', data: days.map(([, u]) => u.completionTokens) },
      ],
      format: (v) => formatNumber(v),
      signal,
    }) : h('p', { class: 'hint' }, 'No tokens used yet.')));

  if (deployments) main.append(deploymentFigures(deployments, signal));
  if (cache) main.append(cacheSection(cache, account));
}

function cacheSection(cache, account) {
  const entries = h('dd', { 'data-testid': 'cache-entries' }, formatNumber(cache.entries));
  const status = h('div', {});
  const clear = account.me?.role === 'tenant_admin'
    ? h('button', { type: 'button', onclick: async () => {
      status.replaceChildren();
      try {
        await api('/v1/cache', { method: 'DELETE' });
        entries.textContent = '0';
        status.append(notice('success', 'The cache is empty: the next requests are designed afresh.'));
      } catch (error) {
        status.append(notice('error', error.message));
      }
    } }, 'Clear the cache')
    : null;
  return h('section', { class: 'card', 'aria-labelledby': 'cache-heading' },
    h('h2', { id: 'cache-heading' }, 'Design cache'),
    h('p', { class: 'hint' }, 'A request that matches a recent design of your tenant is answered at once, '
      + 'without calling a model.'),
    h('dl', { class: 'figures' },
      h('div', {}, h('dt', {}, 'Hits'), h('dd', { 'data-testid': 'cache-hits' }, formatNumber(cache.hits))),
      h('div', {}, h('dt', {}, 'Misses'), h('dd', {}, formatNumber(cache.misses))),
      h('div', {}, h('dt', {}, 'Hit rate'), h('dd', {}, percent(cache.hitRate))),
      h('div', {}, h('dt', {}, 'Entries'), entries),
      h('div', {}, h('dt', {}, 'Tokens saved'), h('dd', {}, formatNumber(cache.tokensSaved)))),
    clear, status);
}

function deploymentFigures(d, signal) {
  const scenarios = d.byScenario ?? [];
  const issues = d.topIssues ?? [];
  return h('section', { class: 'card', 'aria-labelledby': 'deploy-heading' },
    h('h2', { id: 'deploy-heading' }, 'Deployments'),
    h('dl', { class: 'figures' },
      h('div', {}, h('dt', {}, 'Designs'), h('dd', { 'data-testid': 'total-designs' }, formatNumber(d.totalDesigns))),
      h('div', {}, h('dt', {}, 'Deployed'), h('dd', { 'data-testid': 'deployed-count' }, formatNumber(d.deployedCount))),
      h('div', {}, h('dt', {}, 'Deployment rate'), h('dd', {}, percent(d.deploymentRate))),
      h('div', {}, h('dt', {}, 'Success rate'), h('dd', {}, percent(d.successRate))),
      h('div', {}, h('dt', {}, 'Average satisfaction'),
        h('dd', {}, d.averageSatisfaction ? `${formatNumber(d.averageSatisfaction, 1)} / 5` : '—'))),
    scenarios.length > 0 ? barChart({
      title: 'Deployment and success rate by scenario',
      labels: scenarios.map((s) => words(s.scenario)),
      datasets: [
        { label: 'Deployed', data: scenarios.map((s) => Math.round((s.deploymentRate ?? 0) * 100)) },
        { label: 'Succeeded', data: scenarios.map((s) => Math.round((s.successRate ?? 0) * 100)) },
      ],
      format: (v) => `${v}%`,
      max: 100,
      signal,
    }) : null,
    issues.length > 0 ? [
      barChart({
        title: 'Most common deployment issues',
        labels: issues.map((i) => i.issue),
        datasets: [{ label: 'Designs', data: issues.map((i) => i.count) }],
        horizontal: true,
        signal,
      }),
      h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': 'Issues' },
        h('table', {}, h('caption', {}, 'Issues, most common first'),
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Issue'), h('th', { scope: 'col' }, 'Designs'))),
          h('tbody', {}, issues.map((i) => h('tr', {}, h('td', {}, i.issue), h('td', { class: 'num' }, i.count)))))),
    ] : h('p', { class: 'hint' }, 'No deployment issues reported yet.'),
    scenarios.length > 0 ? h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': 'By scenario' },
      h('table', {}, h('caption', {}, 'By scenario'),
        h('thead', {}, h('tr', {}, ['Scenario', 'Designs', 'Deployed', 'Success', 'Satisfaction'].map((t) =>
          h('th', { scope: 'col' }, t)))),
        h('tbody', {}, scenarios.map((s) => h('tr', {},
          h('th', { scope: 'row' }, words(s.scenario)), h('td', { class: 'num' }, s.totalDesigns),
          h('td', { class: 'num' }, s.deployedCount), h('td', { class: 'num' }, percent(s.successRate)),
          h('td', { class: 'num' }, s.averageSatisfaction ? formatNumber(s.averageSatisfaction, 1) : '—')))))) : null);
}
