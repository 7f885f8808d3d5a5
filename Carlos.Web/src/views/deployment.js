// The deployment tracker of one design: did it go live, did it work, what went wrong, how good was it.
import { api } from '../api.js';
import { h, field, notice, setFieldError, uid, words } from '../dom.js';

export function deploymentSection(design, { signal }) {
  const deployed = h('input', { type: 'checkbox', id: uid('f'), name: 'deployed' });
  const success = h('input', { type: 'checkbox', id: uid('f'), name: 'success' });
  const date = h('input', { type: 'date', name: 'deploymentDate' });
  const provider = h('select', { name: 'cloudProvider' },
    [['azure', 'Azure'], ['aws', 'AWS'], ['gcp', 'Google Cloud'], ['other', 'Other']].map(([v, t]) =>
      h('option', { value: v }, t)));
  const environment = h('select', { name: 'environment' },
    ['production', 'staging', 'test', 'development'].map((v) => h('option', { value: v }, words(v))));
  const issues = h('textarea', { name: 'issuesEncountered', rows: '3' });
  const modifications = h('textarea', { name: 'modificationsMade', rows: '3' });
  const ratingName = uid('rating');
  const ratings = [1, 2, 3, 4, 5].map((n) => {
    const input = h('input', { type: 'radio', name: ratingName, value: String(n), id: uid('r') });
    return h('span', { class: 'rating' }, input, h('label', { for: input.id }, `${n}`));
  });
  const ratingId = uid('f');
  const ratingSet = h('fieldset', { class: 'ratings', id: ratingId, 'aria-describedby': `${ratingId}-error` },
    h('legend', {}, 'How satisfied are you? (1 poor, 5 excellent)'), ratings,
    h('p', { class: 'field-error', id: `${ratingId}-error`, hidden: true }));
  const controls = { deploymentDate: date, cloudProvider: provider, environment, issuesEncountered: issues,
    modificationsMade: modifications, satisfactionRating: ratingSet, deployed, success };
  const status = h('div', { class: 'form-status' });
  const saved = h('p', { class: 'hint', 'data-testid': 'deployment-saved' });
  const button = h('button', { type: 'submit', class: 'primary' }, 'Save deployment feedback');

  // The date and the outcome belong to a deployment; they are asked only once the design was deployed.
  const deployedOnly = h('div', { class: 'deployed-only', hidden: true },
    field('Deployment date', date),
    h('div', { class: 'check' }, success, h('label', { for: success.id }, 'The deployment worked')));
  deployed.addEventListener('change', () => { deployedOnly.hidden = !deployed.checked; });
  const form = h('form', { novalidate: true, onsubmit: submit, 'aria-label': 'Deployment feedback' },
    h('div', { class: 'check' }, deployed, h('label', { for: deployed.id }, 'I deployed this design')),
    deployedOnly,
    h('div', { class: 'settings-grid' }, field('Cloud provider', provider), field('Environment', environment)),
    field('Issues you ran into (one a line)', issues),
    field('Changes you made to the design', modifications),
    ratingSet, status, button, saved);

  api(`/v1/designs/${design.id}/deployment`, { signal }).then(fill).catch(() => {});

  function fill(record) {
    if (!record) return;
    deployed.checked = Boolean(record.deployed);
    deployedOnly.hidden = !deployed.checked;
    success.checked = Boolean(record.success);
    if (record.deploymentDate) date.value = String(record.deploymentDate).slice(0, 10);
    if (record.cloudProvider) provider.value = record.cloudProvider;
    if (record.environment) environment.value = record.environment;
    issues.value = (record.issuesEncountered ?? []).join('\n');
    modifications.value = record.modificationsMade ?? '';
    for (const row of ratings) {
      const input = row.querySelector('input');
      input.checked = Number(input.value) === record.satisfactionRating;
    }
    saved.textContent = record.updatedAt ? `Last saved ${new Date(record.updatedAt).toLocaleString('en-GB')}.` : '';
  }

  async function submit(event) {
    event.preventDefault();
    status.replaceChildren();
    for (const control of Object.values(controls)) setFieldError(control, null);
    const rating = ratings.map((r) => r.querySelector('input')).find((i) => i.checked);
    const body = {
      deployed: deployed.checked,
      cloudProvider: provider.value,
      environment: environment.value,
      issuesEncountered: issues.value.split('\n').map((line) => line.trim()).filter(Boolean),
      modificationsMade: modifications.value.trim(),
    };
    if (deployed.checked) {
      body.success = success.checked;
      if (date.value) body.deploymentDate = date.value;
    }
    if (rating) body.satisfactionRating = Number(rating.value);
    button.disabled = true;
    try {
      const record = await api(`/v1/designs/${design.id}/deployment`, { method: 'POST', body });
      fill(record);
      status.append(notice('success', 'Thank you: your feedback is saved, and later designs learn from it.'));
    } catch (error) {
      status.append(notice('error', error.message));
      for (const [name, message] of Object.entries(error.fields ?? {})) {
        if (controls[name]) setFieldError(controls[name], message);
      }
    } finally {
      button.disabled = false;
    }
  }

  const headingId = 'deployment-heading';
  return h('section', { class: 'card result', id: 'deployment', 'aria-labelledby': headingId },
    h('h2', { id: headingId }, 'Deployment'),
    h('p', {}, 'Tell Carlos how the deployment went. Your tenant\'s feedback shapes its later designs.'),
    form);
}
