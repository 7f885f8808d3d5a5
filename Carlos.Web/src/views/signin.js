import { api, session } from '../api.js';
import { h, field, notice, setFieldError } from '../dom.js';

export async function signInView(main, { account, refreshAccount, navigate }) {
  const input = h('input', {
    type: 'password', name: 'apiKey', autocomplete: 'off', spellcheck: 'false', required: true,
    placeholder: 'ck_…', autocapitalize: 'off',
  });
  const status = h('div', { class: 'form-status' });
  const button = h('button', { type: 'submit', class: 'primary' }, 'Sign in');

  const form = h('form', { class: 'card narrow', novalidate: true, onsubmit: submit },
    field('API key', input, 'The key is kept in this browser tab only, and forgotten when you close it.'),
    button, status);

  if (account.signOutMessage) {
    status.append(notice('error', account.signOutMessage));
    account.signOutMessage = null;
  }

  main.append(
    h('h1', {}, 'Sign in to Carlos'),
    h('p', { class: 'lead' }, 'Carlos designs Azure architectures with a team of agents: an architect, security, '
      + 'cost and reliability reviewers, a validator, and a Terraform coder. Sign in with your API key to start.'),
    form,
    h('section', { class: 'card narrow', 'aria-labelledby': 'where-key' },
      h('h2', { id: 'where-key' }, 'Where do I get a key?'),
      h('p', {}, 'If you run Carlos on your own machine, the gateway prints a development key when it starts, on a '
        + 'line after "this run\'s development key (tenant dev) is:". It begins with ck_. Otherwise, ask your '
        + 'tenant administrator for one.')));

  async function submit(event) {
    event.preventDefault();
    status.replaceChildren();
    const key = input.value.trim();
    if (!key) {
      setFieldError(input, 'Enter your API key.');
      input.focus();
      return;
    }

    setFieldError(input, null);
    button.disabled = true;
    try {
      await api('/v1/me', { key });
      session.signIn(key);
      await refreshAccount();
      navigate('#/new');
    } catch (error) {
      setFieldError(input, error.status === 401
        ? 'This key was not accepted. Check that you copied all of it, including ck_.'
        : error.message);
      input.focus();
    } finally {
      button.disabled = false;
    }
  }
}
