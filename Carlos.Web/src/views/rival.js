// The lead and rival designs side by side, the recommender's reasoned choice, and a way to overrule it: choosing
// the other design regenerates only the Terraform (POST /v1/designs/{id}/choose).
import { api } from '../api.js';
import { h, notice, formatUsd, words } from '../dom.js';
import { renderMarkdown } from '../markdown.js';

/** Set before the view reloads after an overrule: terminal events up to this sequence belong to the first run. */
export const regeneration = { id: null, after: 0 };

const NAMES = { lead: 'Lead design', rival: 'Rival design' };

export function rivalSection(design, { navigate }) {
  const choice = design.choice;
  const lead = {
    candidate: 'lead', cost: design.cost, reliability: design.reliability, security: design.security,
    validation: design.validation,
  };
  const rival = design.rival;
  const candidates = [lead, rival];
  const other = choice ? (choice.chosen === 'lead' ? rival : lead) : null;

  const row = (label, value) => h('tr', {}, h('th', { scope: 'row' }, label),
    candidates.map((c) => h('td', {}, value(c))));
  const comparison = h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': 'Lead and rival' },
    h('table', { class: 'comparison' },
      h('caption', {}, 'The two designs'),
      h('thead', {}, h('tr', {}, h('td', {}), candidates.map((c) => h('th', { scope: 'col' },
        NAMES[c.candidate], choice?.chosen === c.candidate ? h('span', { class: 'badge badge-completed' }, ' chosen') : null)))),
      h('tbody', {},
        row('Monthly cost', (c) => (c.cost ? formatUsd(c.cost.totalMonthlyCostUsd) : '—')),
        row('Composite SLA', (c) => (c.reliability ? `${c.reliability.estimatedSlaPercentage}%` : '—')),
        row('Security score', (c) => (c.security ? `${c.security.overallSecurityScore} / 100` : '—')),
        row('Validation', (c) => (c.validation
          ? `${c.validation.validationPassed ? 'Passed' : 'Failed'} (${words(c.validation.severity)})` : '—')))));

  const content = [comparison];
  if (choice) {
    content.push(
      h('p', { 'data-testid': 'choice' }, h('strong', {}, `The Terraform follows the ${NAMES[choice.chosen].toLowerCase()}.`),
        choice.overruled ? ` You chose it over Carlos's recommendation, the ${NAMES[choice.recommended].toLowerCase()}.`
          : ' Carlos recommended it.'),
      h('h3', {}, 'Why'), h('ul', {}, choice.reasons.map((reason) => h('li', {}, reason))),
      h('h3', {}, 'Trade-offs'),
      h('dl', { class: 'trade-offs' }, ['cost', 'reliability', 'security', 'operability'].map((key) =>
        h('div', {}, h('dt', {}, words(key)), h('dd', {}, choice.tradeOffs[key])))));
  }

  const status = h('div', {});
  if (other && design.status === 'completed') {
    const valid = other.validation?.validationPassed;
    const button = h('button', { type: 'button', class: 'primary', disabled: !valid },
      `Build the ${NAMES[other.candidate].toLowerCase()} instead`);
    button.addEventListener('click', async () => {
      button.disabled = true;
      status.replaceChildren(notice('info', 'Generating the Terraform again for the other design…'));
      try {
        const accepted = await api(`/v1/designs/${design.id}/choose`, { method: 'POST', body: { design: other.candidate } });
        regeneration.id = design.id;
        regeneration.after = accepted.eventsAfter;
        navigate(`#/designs/${design.id}`);
      } catch (error) {
        status.replaceChildren(notice('error', error.message));
        button.disabled = false;
      }
    });
    content.push(h('div', { class: 'actions' }, button,
      valid ? null : h('span', { class: 'hint' }, 'It failed validation, so it cannot be built.')), status);
  }

  const rivalBody = h('div', { class: 'markdown', 'data-testid': 'rival-markdown' });
  const details = h('details', { class: 'rival-design' }, h('summary', {}, 'Read the rival design'), rivalBody);
  let drawn = false;
  details.addEventListener('toggle', () => {
    if (details.open && !drawn) {
      drawn = true;
      renderMarkdown(rivalBody, rival.designMarkdown ?? '', { diagramLabel: 'Rival architecture diagram' });
    }
  });
  content.push(details);

  return h('section', { class: 'card result', id: 'rival', 'aria-labelledby': 'rival-heading' },
    h('h2', { id: 'rival-heading' }, 'Lead and rival'), ...content);
}
