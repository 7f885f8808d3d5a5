// The results of a design: verdict, the design with its diagram, cost, security, reliability, recommendation,
// Terraform. Every text that came from a model goes through renderMarkdown (sanitised) or textContent.
import hljs from 'highlight.js/lib/core';
import hcl from '../hcl.js';
import { api } from '../api.js';
import { h, notice, formatUsd, formatNumber, words, uid } from '../dom.js';
import { renderMarkdown } from '../markdown.js';
import { barChart } from '../charts.js';
import { deploymentSection } from './deployment.js';
import { rivalSection } from './rival.js';

hljs.registerLanguage('hcl', hcl);

const SEVERITY_ORDER = ['critical', 'high', 'medium', 'low'];

function section(id, title, ...content) {
  const headingId = `${id}-heading`;
  return h('section', { class: 'card result', id, 'aria-labelledby': headingId },
    h('h2', { id: headingId }, title), ...content);
}

function list(items, empty) {
  if (!items || items.length === 0) return empty ? h('p', { class: 'hint' }, empty) : null;
  return h('ul', {}, items.map((item) => h('li', {}, item)));
}

export async function renderResults(container, design, { signal, navigate }) {
  const parts = [];
  const toc = [];
  const add = (id, title, element) => {
    if (!element) return;
    toc.push([id, title]);
    parts.push(element);
  };

  add('verdict', 'Verdict', verdictSection(design));
  if (design.cacheHit) {
    parts.unshift(notice('info', 'Carlos answered this design from a recent identical request, without calling a model.'));
  }
  if (design.rival) add('rival', 'Lead and rival', rivalSection(design, { navigate }));
  let designBody = null;
  if (design.designMarkdown) {
    designBody = h('div', { class: 'markdown', 'data-testid': 'design-markdown' });
    add('design', 'The design', section('design', 'The design', designBody));
  }
  if (design.cost) add('cost', 'Cost', costSection(design.cost, signal));
  if (design.security) add('security', 'Security', securitySection(design.security));
  if (design.reliability) add('reliability', 'Reliability', reliabilitySection(design.reliability));
  if (design.customReviews?.length) add('custom-reviews', 'Custom reviews', customReviews(design));
  let recommendation = null;
  if (design.recommendation) {
    recommendation = h('div', { class: 'markdown' });
    add('recommendation', 'Recommendation', section('recommendation', 'Recommendation', recommendation));
  }
  if (design.terraform || design.terraformCheck) add('terraform', 'Terraform', terraformSection(design));
  if (design.status === 'completed') {
    add('deployment', 'Deployment', deploymentSection(design, { signal }));
  }
  add('usage', 'Tokens', usageSection(design));

  const nav = h('nav', { class: 'toc', 'aria-label': 'Results' }, h('ul', {},
    toc.map(([id, title]) => h('li', {}, h('a', { href: `#${id}`, onclick: (e) => jump(e, id) }, title)))));
  container.replaceChildren(nav, ...parts);

  if (designBody) await renderMarkdown(designBody, design.designMarkdown);
  if (recommendation) await renderMarkdown(recommendation, design.recommendation);
}

// In-page links must not change the route (the hash holds it), so they move focus instead.
function jump(event, id) {
  event.preventDefault();
  const target = document.getElementById(id);
  target?.setAttribute('tabindex', '-1');
  target?.focus();
  target?.scrollIntoView({ block: 'start' });
}

function verdictSection(design) {
  const v = design.validation;
  const content = [];
  if (design.status === 'failed') content.push(notice('error', `The design failed: ${design.error ?? 'no reason given'}`));
  if (design.status === 'cancelled') content.push(notice('info', 'The design was cancelled before it finished.'));
  if (design.status === 'expired') content.push(notice('info', 'The clarifying questions were not answered in time.'));
  if (v) {
    content.push(h('p', { class: `verdict ${v.validationPassed ? 'verdict-pass' : 'verdict-fail'}` },
      h('strong', {}, v.validationPassed ? 'Passed validation' : 'Did not pass validation'),
      ` · severity ${words(v.severity)}`));
    content.push(h('p', {}, v.summary));
    if (design.rounds > 1) content.push(h('p', {}, `The architect revised the design (${design.rounds} rounds).`));
    if (v.issues?.length) {
      content.push(h('h3', {}, 'Issues'), h('ul', { class: 'issues' }, v.issues.map((issue) =>
        h('li', {}, h('span', { class: `sev sev-${issue.severity}` }, words(issue.severity)), ' ',
          h('strong', {}, `${words(issue.type)}: `), issue.message,
          h('br'), h('span', { class: 'hint' }, `What to do: ${issue.recommendation}`)))));
    }
  }
  if (design.lessonsApplied?.length) {
    content.push(h('h3', {}, 'Lessons from your earlier deployments'),
      list(design.lessonsApplied.map((lesson) => lesson.summary)));
  }
  if (content.length === 0) return null;
  return section('verdict', 'Verdict', ...content);
}

function costSection(cost, signal) {
  const categories = Object.entries(cost.costByCategory ?? {}).sort((a, b) => b[1] - a[1]);
  const chart = categories.length > 0 ? barChart({
    title: 'Monthly cost by category (USD)',
    labels: categories.map(([name]) => words(name)),
    datasets: [{ label: 'USD a month', data: categories.map(([, value]) => value) }],
    horizontal: true,
    format: (v) => formatNumber(v, 0),
    signal,
  }) : null;
  const table = h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': 'Cost by service' },
    h('table', {},
      h('caption', {}, 'Cost by service'),
      h('thead', {}, h('tr', {}, ['Service', 'SKU', 'Qty', 'USD a month', 'Category', 'Price'].map((t) =>
        h('th', { scope: 'col' }, t)))),
      h('tbody', {}, cost.services.map((s) => h('tr', {},
        h('th', { scope: 'row' }, s.name),
        h('td', {}, s.sku),
        h('td', { class: 'num' }, s.quantity),
        h('td', { class: 'num' }, formatNumber(s.monthlyCostUsd, 2)),
        h('td', {}, words(s.category)),
        h('td', {}, `${words(s.priceStatus)}, ${s.region}, ${s.priceAsOf}`, h('br'),
          h('span', { class: 'hint' }, s.priceSource))))),
      h('tfoot', {}, h('tr', {}, h('th', { scope: 'row', colspan: '3' }, 'Total'),
        h('td', { class: 'num' }, formatNumber(cost.totalMonthlyCostUsd, 2)), h('td', { colspan: '2' }, '')))));
  return section('cost', 'Cost',
    h('p', { class: 'big-figures' },
      h('span', {}, h('strong', { 'data-testid': 'monthly-cost' }, formatUsd(cost.totalMonthlyCostUsd)), ' a month'),
      h('span', {}, h('strong', {}, formatUsd(cost.totalAnnualCostUsd)), ' a year')),
    chart, table,
    cost.unpricedServices?.length ? h('p', { class: 'hint' }, `Not priced: ${cost.unpricedServices.join(', ')}.`) : null,
    cost.costDrivers?.length ? [h('h3', {}, 'What drives the cost'), list(cost.costDrivers)] : null,
    cost.optimizationOpportunities?.length
      ? [h('h3', {}, 'Ways to spend less'), list(cost.optimizationOpportunities)] : null);
}

function securitySection(security) {
  const groups = SEVERITY_ORDER.map((severity) => [severity,
    security.findings.filter((f) => f.severity === severity)]).filter(([, findings]) => findings.length > 0);
  return section('security', 'Security',
    h('p', { class: 'big-figures' }, h('span', {}, 'Score ', h('strong', {}, `${security.overallSecurityScore} / 100`))),
    groups.length === 0 ? h('p', {}, 'No findings.') : groups.map(([severity, findings]) =>
      h('div', { class: 'severity-group', 'data-severity': severity },
        h('h3', {}, h('span', { class: `sev sev-${severity}` }, words(severity)),
          ` ${findings.length} ${findings.length === 1 ? 'finding' : 'findings'}`),
        h('ul', { class: 'findings' }, findings.map((f) => h('li', {},
          h('strong', {}, f.title), h('p', {}, f.description),
          h('p', {}, h('span', { class: 'label' }, 'What to do: '), f.recommendation),
          f.affectedServices?.length ? h('p', { class: 'hint' }, `Affects ${f.affectedServices.join(', ')}`) : null))))),
    security.securityControls?.length ? [h('h3', {}, 'Controls in place'), list(security.securityControls)] : null,
    security.complianceFrameworks?.length
      ? h('p', {}, h('span', { class: 'label' }, 'Frameworks: '), security.complianceFrameworks.join(', ')) : null);
}

function reliabilitySection(r) {
  const hours = (v) => (v === null || v === undefined ? 'not stated' : `${formatNumber(v, v < 1 ? 2 : 0)} h`);
  return section('reliability', 'Reliability',
    h('dl', { class: 'figures' },
      h('div', {}, h('dt', {}, 'Composite SLA'), h('dd', {}, `${r.estimatedSlaPercentage}%`)),
      h('div', {}, h('dt', {}, 'Regions'), h('dd', {}, r.regions)),
      h('div', {}, h('dt', {}, 'Recovery time (RTO)'), h('dd', {}, hours(r.disasterRecoveryRtoHours))),
      h('div', {}, h('dt', {}, 'Data loss window (RPO)'), h('dd', {}, hours(r.disasterRecoveryRpoHours)))),
    h('h3', {}, 'Single points of failure'), list(r.singlePointsOfFailure, 'None found.'),
    h('h3', {}, 'Redundancy'), list(r.redundancyMeasures, 'None.'),
    r.monitoringRecommendations?.length ? [h('h3', {}, 'Monitoring'), list(r.monitoringRecommendations)] : null);
}

function customReviews(design) {
  return section('custom-reviews', 'Custom reviews', design.customReviews.map((review) =>
    h('div', { class: 'custom-review', 'data-custom-review': review.agentId },
      h('h3', {}, review.name, review.focus ? h('span', { class: 'hint' }, ` · ${review.focus}`) : null),
      h('p', {}, review.summary),
      review.findings.length === 0 ? h('p', { class: 'hint' }, 'No findings.') : h('ul', { class: 'findings' },
        review.findings.map((f) => h('li', {},
          h('span', { class: `sev sev-${f.severity}` }, words(f.severity)), ' ', h('strong', {}, f.title),
          h('span', { class: 'hint' }, ` (${words(f.area)})`), h('p', {}, f.description),
          h('p', {}, h('span', { class: 'label' }, 'What to do: '), f.recommendation)))))));
}

const CHECK_WORDS = {
  pass: 'Passes every check',
  pass_with_warnings: 'Passes, with warnings',
  needs_fixes: 'Needs fixes',
};

function terraformSection(design) {
  const check = design.terraformCheck;
  const content = [];
  if (check) {
    content.push(h('p', { class: `verdict ${check.result === 'needs_fixes' ? 'verdict-fail' : 'verdict-pass'}` },
      h('strong', { 'data-testid': 'terraform-check' }, CHECK_WORDS[check.result] ?? words(check.result)),
      ` · ${check.summary}`));
    if (check.findings?.length) {
      content.push(h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': 'Terraform findings' },
        h('table', {}, h('caption', {}, 'What the check found'),
          h('thead', {}, h('tr', {}, ['Where', 'Rule', 'Level', 'Message'].map((t) => h('th', { scope: 'col' }, t)))),
          h('tbody', {}, check.findings.map((f) => h('tr', {},
            h('td', {}, `${f.file}:${f.line}`), h('td', {}, h('code', {}, f.rule)), h('td', {}, words(f.level)),
            h('td', {}, f.message)))))));
    }
  }
  if (design.terraform) {
    const code = h('code', { class: 'hljs language-hcl' });
    // highlight.js escapes the source and adds only its own spans.
    code.innerHTML = hljs.highlight(design.terraform, { language: 'hcl', ignoreIllegals: true }).value;
    const copyStatus = h('span', { class: 'copy-status', role: 'status' });
    const copy = h('button', { type: 'button', onclick: async () => {
      try {
        await navigator.clipboard.writeText(design.terraform);
        copyStatus.textContent = 'Copied to the clipboard.';
      } catch {
        const range = document.createRange();
        range.selectNodeContents(code);
        getSelection().removeAllRanges();
        getSelection().addRange(range);
        copyStatus.textContent = 'Selected: press Ctrl+C (or ⌘C) to copy.';
      }
    } }, 'Copy');
    const downloadZip = h('button', { type: 'button', onclick: async () => {
      try {
        const blob = await api(`/v1/designs/${design.id}/terraform`, { accept: 'application/zip' });
        save(blob, `carlos-${design.id}.zip`);
      } catch (error) {
        copyStatus.textContent = error.message;
      }
    } }, 'Download the files (.zip)');
    const downloadText = h('button', { type: 'button', onclick: () =>
      save(new Blob([design.terraform], { type: 'text/plain' }), `carlos-${design.id}.tf`) }, 'Download as one file');
    content.push(h('div', { class: 'actions' }, copy, downloadZip, downloadText, copyStatus),
      h('pre', { class: 'code', tabindex: '0', 'aria-label': 'Terraform code', 'data-testid': 'terraform' }, code));
  } else if (design.status === 'completed') {
    content.push(h('p', {}, 'This design has no Terraform.'));
  }
  return section('terraform', 'Terraform', ...content);
}

function save(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = h('a', { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function usageSection(design) {
  const u = design.usage;
  if (!u) return null;
  const degraded = design.steps?.filter((s) => s.degraded).map((s) => s.step) ?? [];
  return section('usage', 'Tokens',
    h('p', {}, `${formatNumber(u.totalTokens)} tokens: ${formatNumber(u.promptTokens)} read by the models, `
      + `${formatNumber(u.completionTokens)} written, over ${design.steps?.length ?? 0} steps.`),
    degraded.length ? h('p', { class: 'warn-text' }, `Degraded steps: ${degraded.join(', ')}.`) : null);
}

