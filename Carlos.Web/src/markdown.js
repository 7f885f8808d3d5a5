// Model output is untrusted. Markdown is parsed by marked, sanitised by DOMPurify into a DOM fragment (so the
// browser never parses unsanitised HTML), and Mermaid blocks are drawn by Mermaid in its strict security level.
import { Marked } from 'marked';
import DOMPurify from 'dompurify';
import { h, uid } from './dom.js';

let mermaidReady;
function loadMermaid() {
  mermaidReady ??= import('mermaid').then(({ default: mermaid }) => {
    mermaid.initialize({
      startOnLoad: false,
      securityLevel: 'strict',
      theme: 'neutral',
      fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
      // SVG text labels, not HTML in foreignObject: the drawn diagram then passes DOMPurify's SVG profile whole.
      htmlLabels: false,
      flowchart: { useMaxWidth: true },
    });
    return mermaid;
  });
  return mermaidReady;
}

// Links from model output open without handing the page over, and never as script.
DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A' && node.hasAttribute('href')) {
    node.setAttribute('rel', 'noopener noreferrer nofollow');
    node.setAttribute('target', '_blank');
  }
});

/** Sanitised HTML of Markdown as a fragment, with placeholders for diagrams; answers both. */
export function markdownFragment(markdown) {
  const diagrams = [];
  const parser = new Marked({
    gfm: true,
    renderer: {
      // The page's own headings are h1 (the view) and h2 (the section): the model's start at h3.
      heading({ tokens, depth }) {
        const level = Math.min(depth + 2, 6);
        return `<h${level}>${this.parser.parseInline(tokens)}</h${level}>\n`;
      },
      code({ text, lang }) {
        if ((lang ?? '').trim().toLowerCase() !== 'mermaid') return false;
        diagrams.push(text);
        return `<div class="diagram" data-diagram="${diagrams.length - 1}"></div>`;
      },
    },
  });
  const html = parser.parse(String(markdown ?? ''), { async: false });
  const fragment = DOMPurify.sanitize(html, { RETURN_DOM_FRAGMENT: true, FORBID_TAGS: ['style', 'form', 'input'] });
  for (const table of fragment.querySelectorAll('table')) {
    const wrap = h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': 'Table' });
    table.replaceWith(wrap);
    wrap.append(table);
  }
  return { fragment, diagrams };
}

/** Renders Markdown into the container and draws its diagrams; resolves once every diagram is drawn. */
export async function renderMarkdown(container, markdown, { diagramLabel = 'Architecture diagram' } = {}) {
  const { fragment, diagrams } = markdownFragment(markdown);
  container.replaceChildren(fragment);
  const slots = [...container.querySelectorAll('.diagram[data-diagram]')];
  if (slots.length === 0) return;
  const mermaid = await loadMermaid();
  for (const slot of slots) {
    const source = diagrams[Number(slot.dataset.diagram)];
    await drawDiagram(mermaid, slot, source, diagramLabel);
  }
}

async function drawDiagram(mermaid, slot, source, label) {
  try {
    const { svg } = await mermaid.render(uid('mermaid'), source);
    // Mermaid's strict level already sanitises labels; the SVG passes DOMPurify again before it joins the page.
    const clean = DOMPurify.sanitize(svg, {
      USE_PROFILES: { svg: true, svgFilters: true },
      ADD_TAGS: ['style'],
      RETURN_DOM_FRAGMENT: true,
    });
    slot.replaceChildren(clean);
    const drawn = slot.querySelector('svg');
    if (drawn) {
      drawn.setAttribute('role', 'img');
      drawn.setAttribute('aria-label', label);
      drawn.removeAttribute('aria-roledescription');
    }
    slot.classList.add('diagram-drawn');
  } catch (error) {
    slot.replaceChildren(
      h('p', { class: 'notice notice-info' }, 'This diagram could not be drawn; here is its source.'),
      h('pre', { tabindex: '0', 'aria-label': 'Diagram source' }, h('code', {}, source)),
    );
    slot.classList.add('diagram-failed');
    console.warn('mermaid', error?.message ?? error);
  }
}
