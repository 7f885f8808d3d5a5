import { api, followEvents, uploadDocument } from '../api.js';
import { h, field, notice, setFieldError, uid, words, formatNumber } from '../dom.js';

const SETTINGS = [
  ['costPerformance', 'Cost or performance', ['cost_optimized', 'balanced', 'performance_optimized']],
  ['compliance', 'Compliance', ['standard', 'regulated', 'strict']],
  ['reliability', 'Reliability target', ['normal', 'high', 'extreme']],
  ['strictness', 'Strictness of the validator', ['flexible', 'balanced', 'strict']],
];

const SETTING_HINTS = {
  compliance: 'Regulated and strict data gets customer-managed keys; strict also private endpoints.',
  reliability: 'Normal aims at 99.5%, high at 99.9%, extreme at 99.99% with a second region.',
  strictness: 'Under strict, high security findings also fail the design.',
};

export async function newDesignView(main, { signal, navigate, refreshAccount }) {
  const scenarios = await api('/v1/scenarios', { signal });
  const customAgents = (await api('/v1/agents', { signal })).items;
  const earlier = (await api('/v1/documents', { signal })).filter((d) => d.status === 'completed').slice(0, 20);

  const controls = {};
  const requirements = h('textarea', { name: 'requirements', rows: '8', maxlength: '50000', required: true });
  controls.requirements = requirements;
  const counter = h('p', { class: 'hint counter', 'aria-live': 'polite' }, '0 of 50,000 characters');
  requirements.addEventListener('input', () => {
    counter.textContent = `${formatNumber(requirements.value.length)} of 50,000 characters`;
  });

  // Scenario presets: choosing one sets the settings to its defaults, which the user may still change.
  const scenarioInputs = scenarios.map((s, i) => {
    const input = h('input', { type: 'radio', name: 'scenario', value: s.id, id: uid('scenario'), checked: i === 0 });
    input.addEventListener('change', () => applyDefaults(s.defaults));
    return h('div', { class: 'scenario' }, input,
      h('label', { for: input.id }, h('strong', {}, s.name), h('span', { class: 'hint' }, s.description)));
  });
  const scenarioSet = h('fieldset', { class: 'scenarios', id: 'f-scenario' },
    h('legend', {}, 'Scenario'), scenarioInputs);

  const settingFields = SETTINGS.map(([name, label, values]) => {
    const select = h('select', { name }, values.map((v) => h('option', { value: v }, words(v))));
    controls[name] = select;
    return field(label, select, SETTING_HINTS[name]);
  });
  const budget = h('input', { type: 'number', name: 'monthlyBudgetUsd', min: '1', step: '1', inputmode: 'numeric' });
  controls.monthlyBudgetUsd = budget;
  const allowQuestions = h('input', { type: 'checkbox', name: 'allowQuestions', checked: true, id: uid('f') });
  const options = [
    h('div', { class: 'check' }, allowQuestions,
      h('label', { for: allowQuestions.id }, 'Let Carlos ask clarifying questions when the requirements are vague')),
  ];
  const rival = h('input', { type: 'checkbox', name: 'rival', checked: true, id: uid('f') });
  options.push(h('div', { class: 'check' }, rival,
    h('label', { for: rival.id }, 'Also draw a rival design and let Carlos choose between the two')));
  const bypassCache = h('input', { type: 'checkbox', name: 'bypassCache', id: uid('f') });
  options.push(h('div', { class: 'check' }, bypassCache,
    h('label', { for: bypassCache.id }, 'Design afresh, even if the same request was answered recently')));

  function applyDefaults(defaults) {
    for (const [name] of SETTINGS) controls[name].value = defaults[name];
  }
  applyDefaults(scenarios[0].defaults);

  // Documents: uploads made here, and earlier completed ones, each with a box to use it in this design.
  const documentList = h('ul', { class: 'documents', 'aria-label': 'Documents for this design' });
  const chosenDocuments = new Map();
  for (const document of earlier) documentList.append(documentRow(document, false));
  const fileInput = h('input', {
    type: 'file', multiple: true, accept: '.pdf,.docx,.txt,.md,.markdown,application/pdf,text/plain,text/markdown',
  });
  fileInput.addEventListener('change', () => {
    for (const file of fileInput.files) startUpload(file);
    fileInput.value = '';
  });
  const documentSet = h('fieldset', { id: 'f-documentIds' },
    h('legend', {}, 'Documents'),
    field('Add a document: PDF, Word (DOCX), text or Markdown', fileInput,
      'Carlos extracts the text and gives it to the agents as material to read, never as instructions.'),
    documentList);

  function documentRow(document, fresh) {
    const box = h('input', { type: 'checkbox', id: uid('doc'), checked: fresh && document.status === 'completed' });
    box.disabled = document.status !== 'completed';
    box.addEventListener('change', () => {
      if (box.checked) chosenDocuments.set(document.id, true);
      else chosenDocuments.delete(document.id);
    });
    if (box.checked) chosenDocuments.set(document.id, true);
    const label = h('label', { for: box.id }, `Use ${document.fileName}`);
    const row = h('li', { class: 'document', 'data-document': document.id }, box, label,
      h('span', { class: 'doc-status' }, describeDocument(document)));
    return row;
  }

  function startUpload(file) {
    const progress = h('progress', { max: '100', value: '0', 'aria-label': `Upload of ${file.name}` });
    const status = h('span', { class: 'doc-status', role: 'status' }, 'Uploading…');
    const row = h('li', { class: 'document' }, h('span', { class: 'doc-name' }, file.name), progress, status);
    documentList.prepend(row);
    uploadDocument(file, (share) => {
      progress.value = Math.round(share * 100);
      status.textContent = share < 1 ? `Uploading… ${Math.round(share * 100)}%` : 'Uploaded; waiting for extraction';
    }).then((accepted) => {
      row.dataset.document = accepted.id;
      return followEvents(`/v1/documents/${accepted.id}/events`, {
        signal,
        onEvent: (message) => {
          const document = JSON.parse(message.data);
          if (document.status === 'completed' || document.status === 'failed') {
            row.replaceWith(documentRow(document, true));
          } else {
            status.textContent = describeDocument(document);
          }
        },
        stop: (message) => message.event === 'completed' || message.event === 'failed',
        onError: (error) => { status.textContent = error.message; },
      });
    }).catch((error) => {
      if (signal.aborted) return;
      progress.remove();
      status.replaceChildren(h('span', { class: 'error-text' }, `Not uploaded: ${error.message}`));
      refreshAccount().catch(() => {});
    });
  }

  // Custom agents of the tenant, run as extra reviewers.
  const agentBoxes = customAgents.map((agent) => {
    const box = h('input', { type: 'checkbox', value: agent.id, id: uid('agent') });
    return h('div', { class: 'check' }, box, h('label', { for: box.id }, h('strong', {}, agent.name), ` — ${agent.focus}`));
  });
  const agentSet = h('fieldset', { id: 'f-customAgentIds' }, h('legend', {}, 'Custom reviewers'),
    agentBoxes.length > 0 ? agentBoxes : h('p', { class: 'hint' }, 'Your tenant has no custom agents yet. ',
      h('a', { href: '#/agents' }, 'Create one'), '.'));

  const status = h('div', { class: 'form-status' });
  const submitButton = h('button', { type: 'submit', class: 'primary' }, 'Start the design');
  const form = h('form', { class: 'card', novalidate: true, onsubmit: submit },
    field('Requirements', requirements, 'What should the system do, for whom, with which constraints?'),
    counter,
    scenarioSet,
    h('fieldset', {}, h('legend', {}, 'Settings'), h('div', { class: 'settings-grid' }, settingFields,
      field('Monthly budget in USD (optional)', budget, 'The validator fails a design that costs more.')), options),
    documentSet,
    agentSet,
    status,
    submitButton);

  main.append(h('h1', {}, 'New design'),
    h('p', { class: 'lead' }, 'Describe what you need. Carlos\'s agents draft, review and validate an Azure design, '
      + 'then write its Terraform. You can watch them work.'),
    form);

  async function submit(event) {
    event.preventDefault();
    status.replaceChildren();
    for (const control of Object.values(controls)) setFieldError(control, null);
    if (!requirements.value.trim()) {
      setFieldError(requirements, 'Describe what the design should do.');
      requirements.focus();
      return;
    }

    const body = {
      requirements: requirements.value,
      scenario: form.querySelector('input[name="scenario"]:checked')?.value ?? 'custom',
      allowQuestions: allowQuestions.checked,
    };
    for (const [name] of SETTINGS) body[name] = controls[name].value;
    if (budget.value !== '') body.monthlyBudgetUsd = Number(budget.value);
    if (chosenDocuments.size > 0) body.documentIds = [...chosenDocuments.keys()];
    const agents = agentBoxes.map((row) => row.querySelector('input')).filter((b) => b.checked).map((b) => b.value);
    if (agents.length > 0) body.customAgentIds = agents;
    // Left out when ticked, so that a plan without the rival gets its default rather than a refusal.
    if (!rival.checked) body.rival = false;
    if (bypassCache.checked) body.bypassCache = true;

    submitButton.disabled = true;
    try {
      const started = await api('/v1/designs', { method: 'POST', body });
      refreshAccount().catch(() => {});
      navigate(`#/designs/${started.id}`);
    } catch (error) {
      status.append(notice('error', error.message));
      for (const [name, message] of Object.entries(error.fields ?? {})) {
        if (controls[name]) setFieldError(controls[name], message);
      }
      const first = Object.keys(error.fields ?? {}).map((n) => controls[n]).find(Boolean);
      (first ?? status).focus?.();
      refreshAccount().catch(() => {});
    } finally {
      submitButton.disabled = false;
    }
  }
}

export function describeDocument(document) {
  switch (document.status) {
    case 'pending': return 'Waiting for extraction';
    case 'processing': return 'Extracting the text…';
    case 'completed': {
      const parts = [words(document.kind)];
      if (document.pages) parts.push(`${document.pages} pages`);
      if (document.characters !== undefined && document.characters !== null) {
        parts.push(`${formatNumber(document.characters)} characters`);
      }
      if (document.truncated) parts.push('cut at the length limit');
      return `Ready: ${parts.join(', ')}`;
    }
    case 'failed': return `Could not be read: ${document.error ?? 'unknown reason'}`;
    default: return words(document.status);
  }
}
