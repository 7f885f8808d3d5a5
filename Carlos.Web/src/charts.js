// Charts through Chart.js. Every chart is drawn on a canvas with a text alternative, and its figures are also
// in a table beside it, so nothing is only visible.
import {
  Chart, BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend,
} from 'chart.js';
import { h } from './dom.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);
Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
Chart.defaults.color = '#1b1f24';

export const PALETTE = ['#1f4e79', '#b35c00', '#2e7d32', '#7b1fa2', '#c62828', '#00695c', '#5d4037', '#37474f', '#ad1457'];

/**
 * A bar chart in a figure. datasets: [{ label, data }]; options.horizontal draws bars sideways. The chart is
 * destroyed when the signal aborts (the view is left).
 */
export function barChart({ title, labels, datasets, signal, horizontal = false, format = (v) => String(v), max }) {
  const canvas = h('canvas', {
    role: 'img',
    'aria-label': `${title}: ${labels.map((label, i) => `${label} ${datasets.map((d) => format(d.data[i])).join(' / ')}`).join('; ')}`,
  });
  const figure = h('figure', { class: 'chart' },
    h('figcaption', {}, title),
    h('div', { class: 'chart-box', style: `height:${Math.max(200, horizontal ? labels.length * 34 + 60 : 260)}px` },
      canvas));
  queueMicrotask(() => {
    if (signal?.aborted) return;
    const chart = new Chart(canvas, {
      type: 'bar',
      data: {
        labels,
        datasets: datasets.map((d, i) => ({
          label: d.label, data: d.data, backgroundColor: d.color ?? PALETTE[i % PALETTE.length], borderRadius: 3,
        })),
      },
      options: {
        indexAxis: horizontal ? 'y' : 'x',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: {
          legend: { display: datasets.length > 1 },
          tooltip: { callbacks: { label: (c) => `${c.dataset.label}: ${format(c.raw)}` } },
        },
        scales: {
          [horizontal ? 'x' : 'y']: { beginAtZero: true, max, ticks: { callback: (v) => format(v) } },
        },
      },
    });
    signal?.addEventListener('abort', () => chart.destroy(), { once: true });
  });
  return figure;
}
