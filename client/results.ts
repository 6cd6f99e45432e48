/**
 * Results as bars (options and scales) or a word cloud, for the phones and the deck.
 * Built with textContent only: attendee words can never become markup.
 */
import type { ActivityView, Snapshot } from '../server/protocol.ts';
import { el } from './dom.ts';
import { t } from './i18n.ts';

/** The results of `snap`, or a "waiting for more answers" line when they are held back. */
export function resultsElement(view: ActivityView, snap: Snapshot): HTMLElement {
  const box = el('div', 'results');
  const r = snap.results;
  if (!r) {
    box.append(el('p', 'results-waiting', t('join.results.waiting', { threshold: snap.threshold, total: snap.total })));
    return box;
  }
  if (r.kind === 'words') {
    const max = Math.max(1, ...r.words.map((w) => w.count));
    const cloud = el('p', 'cloud');
    for (const w of r.words) {
      const word = el('span', 'cloud-word', w.text);
      word.style.fontSize = `${(1 + (1.6 * (w.count - 1)) / Math.max(1, max - 1)).toFixed(2)}em`;
      word.title = String(w.count);
      cloud.append(word, ' ');
    }
    box.append(cloud);
    return box;
  }
  const labels =
    r.kind === 'scale'
      ? r.counts.map((_, i) => String((view.min ?? 1) + i))
      : (view.options ?? []).map((o, i) => `${String.fromCharCode(65 + i)}. ${o}`);
  box.append(bars(labels, r.counts, snap.total, snap.answer));
  if (r.kind === 'scale') box.append(el('p', 'results-mean', t('join.results.mean', { mean: r.mean })));
  return box;
}

/** One row per label: the label, a bar, the count and share. `best` marks the best answer. */
export function bars(labels: string[], counts: number[], total: number, best?: number): HTMLElement {
  const list = el('ul', 'bars');
  labels.forEach((label, i) => {
    const n = counts[i] ?? 0;
    const share = total > 0 ? Math.round((100 * n) / total) : 0;
    const bar = el('span', 'bar');
    bar.style.width = `${share}%`;
    const row = el('li', i === best ? 'bar-row best' : 'bar-row', [
      el('span', 'bar-label', label),
      el('span', 'bar-track', [bar]),
      el('span', 'bar-count', `${n} (${share}%)`),
    ]);
    if (i === best) row.append(el('span', 'bar-best', t('join.results.best')));
    list.append(row);
  });
  return list;
}
