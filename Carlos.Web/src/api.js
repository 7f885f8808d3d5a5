// The page's only way to the API: every call carries the key from sessionStorage, and every error becomes an
// ApiError whose message is written for a person (see describeProblem).
import { clockTime, fromNow } from './dom.js';

const KEY_SLOT = 'carlos.apiKey';

export const session = {
  get key() { return sessionStorage.getItem(KEY_SLOT); },
  signIn(key) { sessionStorage.setItem(KEY_SLOT, key); },
  signOut() { sessionStorage.removeItem(KEY_SLOT); },
};

/** Called with the ApiError when the key stops working (401), so the page can ask for it again. */
let onSignedOut = () => {};
export function whenSignedOut(callback) { onSignedOut = callback; }

export class ApiError extends Error {
  constructor(status, problem, retryAfter) {
    const described = describeProblem(status, problem, retryAfter);
    super(described.message);
    this.status = status;
    this.problem = problem;
    this.fields = described.fields;
  }
}

export function authHeaders(extra = {}) {
  const headers = { ...extra };
  if (session.key) headers.Authorization = `Bearer ${session.key}`;
  return headers;
}

/** Calls the API; answers the parsed JSON (or text, or null for 204), or throws an ApiError. */
export async function api(path, { method = 'GET', body, accept = 'application/json', signal, key } = {}) {
  const headers = authHeaders({ Accept: accept });
  if (key) headers.Authorization = `Bearer ${key}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(path, {
      method, headers, signal, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store',
    });
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    throw new ApiError(0, null, null);
  }

  await throwIfFailed(response, key === undefined);
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') ?? '';
  if (accept === 'application/zip') return response.blob();
  return type.includes('json') ? response.json() : response.text();
}

export async function throwIfFailed(response, signOutOn401 = true) {
  if (response.ok) return;
  let problem = null;
  try {
    problem = await response.json();
  } catch {
    problem = null;
  }

  const error = new ApiError(response.status, problem, response.headers.get('Retry-After'));
  if (response.status === 401 && signOutOn401) onSignedOut(error);
  throw error;
}

const FIELD_NAMES = {
  requirements: 'Requirements',
  scenario: 'Scenario',
  costPerformance: 'Cost or performance',
  compliance: 'Compliance',
  reliability: 'Reliability target',
  strictness: 'Strictness',
  monthlyBudgetUsd: 'Monthly budget',
  allowQuestions: 'Clarifying questions',
  documentIds: 'Documents',
  customAgentIds: 'Custom agents',
  answers: 'Answers',
  file: 'File',
  design: 'Design',
  deployed: 'Deployed',
  deploymentDate: 'Deployment date',
  cloudProvider: 'Cloud provider',
  environment: 'Environment',
  success: 'Outcome',
  issuesEncountered: 'Issues',
  modificationsMade: 'Changes you made',
  satisfactionRating: 'Satisfaction',
  name: 'Name',
  focus: 'Focus',
  instructions: 'Instructions',
  rival: 'Rival design',
  bypassCache: 'Cache',
};

const CLASS_NOUNS = {
  design: 'new designs',
  custom_agent: 'new custom agents',
  upload: 'document uploads',
  read: 'requests',
};

export function fieldName(field) {
  const key = String(field).replace(/^\$\./, '').split(/[.[]/)[0];
  return FIELD_NAMES[key] ?? key;
}

function describeWindow(window) {
  const [hours, minutes, seconds] = String(window ?? '').split(':').map(Number);
  if (hours === 1 && !minutes && !seconds) return 'an hour';
  if (hours >= 24 && !minutes) return hours === 24 ? 'a day' : `${hours / 24} days`;
  if (hours) return `${hours} hours`;
  if (minutes === 1 && !seconds) return 'a minute';
  if (minutes) return `${minutes} minutes`;
  return `${seconds} seconds`;
}

/** Plain words for an API answer that went wrong, and the message of each invalid field. */
export function describeProblem(status, problem, retryAfter) {
  const detail = problem?.detail ? String(problem.detail) : '';
  const fields = {};
  const type = String(problem?.type ?? '');
  switch (status) {
    case 0:
      return { message: 'Carlos cannot be reached. Check that the gateway is running, then try again.', fields };
    case 400:
    case 422: {
      const errors = problem?.errors ?? {};
      const parts = Object.entries(errors).map(([name, messages]) => {
        const key = String(name).replace(/^\$\./, '').split(/[.[]/)[0];
        fields[key] = [].concat(messages).join(' ');
        return `${fieldName(name)}: ${fields[key]}`;
      });
      if (parts.length > 0) return { message: `Please check what you entered. ${parts.join(' ')}`, fields };
      return { message: `The request was not accepted: ${detail || 'it is malformed.'}`, fields };
    }
    case 401:
      return { message: 'Your API key was not accepted: it may be mistyped, expired or revoked. Sign in again.', fields };
    case 403:
      return { message: `You are not allowed to do this. ${detail}`.trim(), fields };
    case 404:
      return { message: 'It was not found. It may have been deleted, or it belongs to someone else.', fields };
    case 409:
      return { message: detail || 'This cannot be done in its current state.', fields };
    case 413:
      return { message: `That is too large for Carlos. ${detail}`.trim(), fields };
    case 415:
      return { message: `Carlos cannot read this kind of file or body. ${detail}`.trim(), fields };
    case 429: {
      const resetAt = problem?.resetAt
        ?? (retryAfter ? new Date(Date.now() + Number(retryAfter) * 1000).toISOString() : null);
      const when = resetAt ? ` You can try again at ${clockTime(resetAt)} (${fromNow(resetAt)}).` : '';
      if (type.endsWith('/spend-cap')) {
        const cap = problem?.cap === 'tokens_per_day' ? 'daily' : 'monthly';
        const figures = problem?.limit
          ? ` of ${Number(problem.limit).toLocaleString('en-US')} model tokens (${Number(problem.used ?? 0)
            .toLocaleString('en-US')} used)` : '';
        return { message: `Your tenant has used up its ${cap} token cap${figures}.${when}`, fields };
      }
      if (problem?.endpoint && problem?.limit !== undefined) {
        const noun = CLASS_NOUNS[problem.endpoint] ?? `${problem.endpoint} requests`;
        const window = problem.window ? ` every ${describeWindow(problem.window)}` : '';
        return {
          message: `You have used all ${problem.limit} ${noun} your plan allows${window}.${when}`,
          fields,
        };
      }
      return { message: `Too many requests. ${detail}${when}`.trim(), fields };
    }
    case 503:
      return {
        message: `Carlos is busy right now. ${detail} Try again${retryAfter ? ` in ${retryAfter} seconds` : ' shortly'}.`,
        fields,
      };
    default:
      return { message: `Something went wrong on Carlos's side (${status}). ${detail}`.trim(), fields };
  }
}

/**
 * Follows an SSE endpoint through fetch (EventSource cannot send the Authorization header). Calls onEvent with
 * {id, event, data}; reconnects from the last id after a dropped connection until stop() answers true or the
 * signal aborts. Resolves when the stream ends for good.
 */
export async function followEvents(path, { onEvent, stop, signal, lastEventId = null, onError }) {
  let last = lastEventId;
  let failures = 0;
  while (!signal.aborted) {
    try {
      const headers = authHeaders({ Accept: 'text/event-stream' });
      if (last !== null) headers['Last-Event-ID'] = String(last);
      const response = await fetch(path, { headers, signal, cache: 'no-store' });
      await throwIfFailed(response);
      failures = 0;
      for await (const message of readEventStream(response.body)) {
        if (message.id !== undefined) last = message.id;
        onEvent(message);
        if (await stop(message)) return;
      }
    } catch (error) {
      if (signal.aborted) return;
      if (error instanceof ApiError && error.status !== 0 && error.status !== 503) {
        onError?.(error);
        return;
      }
    }

    if (signal.aborted) return;
    failures += 1;
    await new Promise((resolve) => setTimeout(resolve, Math.min(1000 * failures, 5000)));
  }
}

async function* readEventStream(body) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let message = { data: [] };
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      let newline;
      while ((newline = buffer.search(/\r\n|\n|\r/)) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + (buffer.startsWith('\r\n', newline) ? 2 : 1));
        if (line === '') {
          if (message.data.length > 0 || message.event) {
            yield { id: message.id, event: message.event ?? 'message', data: message.data.join('\n') };
          }
          message = { data: [] };
          continue;
        }
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const name = colon < 0 ? line : line.slice(0, colon);
        let value = colon < 0 ? '' : line.slice(colon + 1);
        if (value.startsWith(' ')) value = value.slice(1);
        if (name === 'data') message.data.push(value);
        else if (name === 'event') message.event = value;
        else if (name === 'id') message.id = value;
      }
    }
  } finally {
    reader.releaseLock();
  }
}

/** Uploads one file with progress (fetch reports none for uploads); resolves with the 202 body. */
export function uploadDocument(file, onProgress) {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', '/v1/documents');
    request.setRequestHeader('Authorization', `Bearer ${session.key}`);
    request.setRequestHeader('Accept', 'application/json');
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    });
    request.addEventListener('load', () => {
      let body = null;
      try {
        body = JSON.parse(request.responseText);
      } catch {
        body = null;
      }
      if (request.status >= 200 && request.status < 300) {
        onProgress(1);
        resolve(body);
      } else {
        const error = new ApiError(request.status, body, request.getResponseHeader('Retry-After'));
        if (request.status === 401) onSignedOut(error);
        reject(error);
      }
    });
    request.addEventListener('error', () => reject(new ApiError(0, null, null)));
    const form = new FormData();
    form.append('file', file, file.name);
    request.send(form);
  });
}
