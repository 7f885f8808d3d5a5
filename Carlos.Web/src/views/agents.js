// The tenant's custom agents: reviewers with their own instructions that designs may include.
import { api } from '../api.js';
import { h, field, notice, setFieldError, formatTime } from '../dom.js';

export async function agentsView(main, { signal, refreshAccount }) {
  const list = h('ul', { class: 'agents' });
  const name = h('input', { type: 'text', name: 'name', maxlength: '100', required: true, autocomplete: 'off' });
  const focus = h('input', { type: 'text', name: 'focus', maxlength: '500', autocomplete: 'off' });
  const instructions = h('textarea', { name: 'instructions', rows: '6', maxlength: '8000', required: true });
  const controls = { name, focus, instructions };
  const status = h('div', { class: 'form-status' });
  const button = h('button', { type: 'submit', class: 'primary' }, 'Create the agent');

  main.append(h('h1', {}, 'Custom agents'),
    h('p', { class: 'lead' }, 'A custom agent reviews each design it is included in, after the security, cost and '
      + 'reliability analysts, and the validator weighs its findings.'),
    h('section', { class: 'card', 'aria-labelledby': 'agents-list' }, h('h2', { id: 'agents-list' }, 'Your agents'), list),
    h('form', { class: 'card', novalidate: true, onsubmit: create, 'aria-labelledby': 'new-agent' },
      h('h2', { id: 'new-agent' }, 'New agent'),
      field('Name', name), field('Focus', focus, 'In a few words, for example "PCI DSS" or "cost of egress".'),
      field('Instructions', instructions, 'What the agent checks, and how it judges.'),
      status, button));

  await load();

  async function load() {
    const { items } = await api('/v1/agents', { signal });
    list.replaceChildren(...(items.length === 0 ? [h('li', { class: 'hint' }, 'None yet.')] : items.map(agentItem)));
  }

  function agentItem(agent) {
    const remove = h('button', { type: 'button', class: 'link-button danger-text' }, `Delete ${agent.name}`);
    remove.addEventListener('click', async () => {
      try {
        await api(`/v1/agents/${agent.id}`, { method: 'DELETE' });
        await load();
      } catch (error) {
        status.replaceChildren(notice('error', error.message));
      }
    });
    return h('li', { 'data-agent': agent.id }, h('strong', {}, agent.name), agent.focus ? ` — ${agent.focus}` : '',
      h('p', { class: 'hint' }, `Updated ${formatTime(agent.updatedAt)}`), remove);
  }

  async function create(event) {
    event.preventDefault();
    status.replaceChildren();
    for (const control of Object.values(controls)) setFieldError(control, null);
    button.disabled = true;
    try {
      await api('/v1/agents', { method: 'POST', body: {
        name: name.value.trim(), focus: focus.value.trim(), instructions: instructions.value.trim(),
      } });
      name.value = '';
      focus.value = '';
      instructions.value = '';
      status.append(notice('success', 'The agent was created.'));
      await load();
    } catch (error) {
      status.append(notice('error', error.message));
      for (const [field, message] of Object.entries(error.fields ?? {})) {
        if (controls[field]) setFieldError(controls[field], message);
      }
    } finally {
      button.disabled = false;
      refreshAccount().catch(() => {});
    }
  }
}
