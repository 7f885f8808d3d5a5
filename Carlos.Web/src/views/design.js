// One design: the agents at work (one lane per agent, streamed live), then the results.
import { api, followEvents } from '../api.js';
import { h, notice, formatTime, clockTime, fromNow, words, uid } from '../dom.js';
import { renderResults } from './results.js';
import { regeneration } from './rival.js';

const TERMINAL = new Set(['completed', 'revision_required', 'failed', 'cancelled', 'expired']);

const AGENT_NAMES = {
  clarifier: 'Clarifier',
  architect: 'Architect',
  rival_architect: 'Rival architect',
  security: 'Security reviewer',
  cost: 'Cost analyst',
  reliability: 'Reliability reviewer',
  validator: 'Validator',
  recommender: 'Recommender',
  terraform: 'Terraform coder',
  terraform_corrector: 'Terraform corrector',
};

const STATUS_WORDS = {
  queued: 'Queued',
  running: 'Running',
  awaiting_answers: 'Waiting for your answers',
  completed: 'Completed',
  revision_required: 'Revision required',
  failed: 'Failed',
  cancelled: 'Cancelled',
  expired: 'Expired',
};

export function agentName(agent) {
  return AGENT_NAMES[agent] ?? words(agent);
}

/** The lane a step belongs to: its agent, plus the variant when steps say which design (security.rival). */
function laneKey(event) {
  const step = event.step ?? event.agent ?? 'design';
  return step.replace(/\.\d+$/, '');
}

export async function designView(main, { params, signal, refreshAccount, navigate }) {
  const id = params[0].toLowerCase();
  const snapshot = await api(`/v1/designs/${id}`, { signal });
  const customNames = new Map();
  for (const agent of (await api('/v1/agents', { signal })).items) customNames.set(agent.id, agent.name);
  const firstRunEnds = regeneration.id === id ? regeneration.after : 0;
  regeneration.id = null;

  const statusBadge = h('span', { class: 'badge', 'data-testid': 'design-status' });
  const statusLine = h('p', { class: 'status-line', role: 'status', 'aria-live': 'polite' });
  const queueNotice = h('div', { class: 'queue', hidden: true, role: 'status' });
  const questions = h('div', { class: 'questions-slot' });
  const actionStatus = h('div', {});
  const cancelButton = h('button', { type: 'button', class: 'danger', onclick: cancel }, 'Cancel design');
  const noLanes = h('p', { class: 'hint' }, 'No agent has started yet.');
  const lanes = h('div', { class: 'lanes' }, noLanes);
  const lanesSection = h('details', { class: 'card lanes-card', open: true },
    h('summary', {}, h('h2', { class: 'inline-heading' }, 'Agents at work')), lanes);
  const results = h('div', { class: 'results' });

  main.append(
    h('div', { class: 'design-head' },
      h('h1', {}, 'Design ', h('span', { class: 'mono' }, id.slice(0, 8))),
      statusBadge),
    h('p', { class: 'meta' }, `Started ${formatTime(snapshot.createdAt)} · scenario ${words(snapshot.settings.scenario)}`
      + ` · model ${snapshot.model}`),
    h('details', { class: 'requirements' }, h('summary', {}, 'Requirements'),
      h('p', { class: 'prewrap' }, snapshot.requirements)),
    statusLine, queueNotice, questions,
    h('div', { class: 'actions' }, cancelButton), actionStatus,
    lanesSection, results);

  const laneMap = new Map();
  const pending = new Map();
  let flushScheduled = false;
  let status = snapshot.status;
  setStatus(status);

  function setStatus(value, message) {
    status = value;
    statusBadge.textContent = STATUS_WORDS[value] ?? words(value);
    statusBadge.className = `badge badge-${value}`;
    cancelButton.hidden = TERMINAL.has(value);
    if (message) statusLine.textContent = message;
  }

  function lane(event) {
    const key = laneKey(event);
    let entry = laneMap.get(key);
    if (entry) return entry;
    const [agent, ...rest] = key.split('.');
    const title = agent === 'custom'
      ? `Custom reviewer: ${customNames.get(rest[0]) ?? 'deleted agent'}${rest.length > 1 ? ` (${rest.slice(1).join(' ')})` : ''}`
      : `${agentName(agent)}${rest.length > 0 ? ` (${rest.join(' ')})` : ''}`;
    const headingId = uid('lane');
    const state = h('span', { class: 'lane-state' }, 'Waiting');
    const text = h('pre', { class: 'lane-text', tabindex: '0', 'aria-labelledby': headingId });
    const notes = h('ul', { class: 'lane-notes' });
    const element = h('section', { class: 'lane', 'data-lane': key, 'aria-labelledby': headingId },
      h('h3', { id: headingId }, title), state, notes, text);
    noLanes.remove();
    lanes.append(element);
    entry = { element, state, text, notes, round: null };
    laneMap.set(key, entry);
    return entry;
  }

  function appendText(entry, chunk) {
    pending.set(entry, (pending.get(entry) ?? '') + chunk);
    if (flushScheduled) return;
    flushScheduled = true;
    requestAnimationFrame(() => {
      flushScheduled = false;
      for (const [target, textChunk] of pending) {
        const stick = target.text.scrollTop + target.text.clientHeight >= target.text.scrollHeight - 4;
        target.text.append(textChunk);
        if (stick) target.text.scrollTop = target.text.scrollHeight;
      }
      pending.clear();
    });
  }

  function setLaneState(entry, value, label) {
    entry.state.textContent = label;
    entry.element.dataset.state = value;
  }

  function onEvent(message) {
    if (!message.data) return;
    const event = JSON.parse(message.data);
    switch (event.type) {
      case 'design_started':
        setStatus('running', event.text ?? 'The design started.');
        break;
      case 'cache_hit':
        statusLine.textContent = 'Carlos answered this from a recent identical request, at once.';
        break;
      case 'queued':
        showQueue(event);
        break;
      case 'agent_started': {
        queueNotice.hidden = true;
        const entry = lane(event);
        if (entry.round !== null && entry.round !== event.round) {
          appendText(entry, `\n\n──── round ${event.round} ────\n\n`);
        }
        entry.round = event.round ?? entry.round;
        setLaneState(entry, 'running', event.round > 1 ? `Running (round ${event.round})` : 'Running');
        setStatus('running', `${agentName(event.agent)} is working…`);
        break;
      }
      case 'token':
        appendText(lane(event), event.text ?? '');
        break;
      case 'agent_completed':
        setLaneState(lane(event), 'completed', 'Completed');
        statusLine.textContent = `${agentName(event.agent)} finished.`;
        break;
      case 'step_restarted': {
        const entry = lane(event);
        entry.notes.append(h('li', {}, event.text ?? 'The step started again.'));
        appendText(entry, '\n\n──── restarted ────\n\n');
        break;
      }
      case 'degraded':
        lane(event).notes.append(h('li', { class: 'warn-text' }, event.text ?? 'This step was degraded.'));
        break;
      case 'validation': {
        const passed = event.validation?.validationPassed;
        statusLine.textContent = passed ? 'The validator passed the design.' : 'The validator found problems.';
        const entry = laneMap.get('validator');
        if (entry) entry.notes.append(h('li', {}, event.validation?.summary ?? ''));
        break;
      }
      case 'terraform_check': {
        const entry = lane({ ...event, step: event.step ?? 'terraform_check', agent: event.agent ?? 'terraform_check' });
        setLaneState(entry, 'completed', words(event.terraformCheck?.result ?? 'checked'));
        if (event.terraformCheck?.summary) entry.notes.append(h('li', {}, event.terraformCheck.summary));
        break;
      }
      case 'question':
        setStatus('awaiting_answers', 'Carlos needs a few answers before it can design.');
        showQuestions(event.questions ?? []);
        break;
      case 'answered':
        questions.replaceChildren();
        setStatus('running', 'Thank you; the design goes on with your answers.');
        break;
      default:
        if (event.status) setStatus(event.status, event.text);
    }

    if (TERMINAL.has(event.type)) {
      setStatus(event.type, terminalMessage(event));
      questions.replaceChildren();
      queueNotice.hidden = true;
    }
  }

  function terminalMessage(event) {
    switch (event.type) {
      case 'completed': return 'The design is complete.';
      case 'revision_required': return 'The design still fails validation after revision; see the issues below.';
      case 'failed': return `The design failed: ${event.text ?? 'no reason given'}`;
      case 'cancelled': return 'The design was cancelled.';
      default: return 'Nobody answered the questions in time, so the design expired.';
    }
  }

  function showQueue(event) {
    const reason = event.reason === 'token_budget'
      ? 'Carlos is waiting for model capacity (the shared token budget).'
      : 'Carlos is waiting for a free workflow slot.';
    const parts = [reason];
    if (event.position) parts.push(`Your design is number ${event.position} in the queue.`);
    if (event.estimatedStart) {
      parts.push(`Expected to start about ${clockTime(event.estimatedStart)} (${fromNow(event.estimatedStart)}).`);
    }
    queueNotice.textContent = parts.join(' ');
    queueNotice.hidden = false;
    setStatus('queued');
  }

  function showQuestions(list) {
    if (list.length === 0) return;
    const inputs = list.map((question) => h('textarea', { rows: '2', required: true, maxlength: '2000' }));
    const formStatus = h('div', {});
    const send = h('button', { type: 'submit', class: 'primary' }, 'Send answers');
    const form = h('form', { class: 'card questions', novalidate: true, onsubmit: submitAnswers },
      h('h2', {}, 'Carlos has questions'),
      h('p', {}, 'Answer them so the agents can design what you need. The design waits until you do.'),
      list.map((question, i) => {
        inputs[i].id = uid('answer');
        return h('div', { class: 'field' }, h('label', { for: inputs[i].id }, question), inputs[i]);
      }),
      formStatus, send);
    questions.replaceChildren(form);
    inputs[0].focus();

    async function submitAnswers(event) {
      event.preventDefault();
      formStatus.replaceChildren();
      const answers = inputs.map((input) => input.value.trim());
      const empty = inputs.find((input) => input.value.trim() === '');
      if (empty) {
        formStatus.append(notice('error', 'Please answer every question.'));
        empty.focus();
        return;
      }
      send.disabled = true;
      try {
        await api(`/v1/designs/${id}/answers`, { method: 'POST', body: { answers } });
        questions.replaceChildren(notice('success', 'Answers sent; the design goes on.'));
      } catch (error) {
        formStatus.append(notice('error', error.message));
        send.disabled = false;
      }
    }
  }

  async function cancel() {
    cancelButton.disabled = true;
    actionStatus.replaceChildren();
    try {
      await api(`/v1/designs/${id}/cancel`, { method: 'POST' });
      actionStatus.append(notice('info', 'The design is being cancelled.'));
    } catch (error) {
      actionStatus.append(notice('error', error.message));
    } finally {
      cancelButton.disabled = false;
    }
  }

  await followEvents(`/v1/designs/${id}/events`, {
    signal,
    onEvent,
    // A finished design may run again briefly (an overruled choice regenerates its Terraform), so a terminal
    // event ends the view only once the design itself says it has finished.
    stop: async (message) => TERMINAL.has(message.event) && Number(message.id) > firstRunEnds
      && TERMINAL.has((await api(`/v1/designs/${id}`, { signal })).status),
    onError: (error) => actionStatus.append(notice('error', error.message)),
  });
  if (signal.aborted) return;

  const finished = await api(`/v1/designs/${id}`, { signal });
  setStatus(finished.status, statusLine.textContent);
  if (laneMap.size > 0) lanesSection.open = false;
  refreshAccount().catch(() => {});
  await renderResults(results, finished, { signal, navigate });
}
