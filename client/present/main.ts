/** The facilitator's deck: reveal.js with the Markdown slides and speaker notes. */
import { hostKey } from './host-key.ts';
import Reveal from 'reveal.js';
import Markdown from 'reveal.js/plugin/markdown';
import Notes from 'reveal.js/plugin/notes';
import decks from 'virtual:deck';
import 'reveal.js/reveal.css';
import './theme.css';
import { language, setLanguage } from '../i18n.ts';
import { LiveRoom } from './live.ts';
import { forPlan, planFromLink } from './plan.ts';

const plan = planFromLink();

// The deck's language is the facilitator's choice (npm start -- --lang es, or ?lang=es),
// never the laptop's: each phone picks its own.
const lang = new URLSearchParams(location.search).get('lang') ?? 'en';
setLanguage(decks[lang] ? lang : 'en');

const slides = document.querySelector('.reveal .slides');
for (const markdown of decks[language()] ?? decks['en'] ?? []) {
  const section = document.createElement('section');
  section.setAttribute('data-markdown', '');
  const template = document.createElement('textarea');
  template.setAttribute('data-template', '');
  // textContent, never innerHTML: the Markdown plugin reads it back as text.
  template.textContent = forPlan(markdown, plan);
  section.append(template);
  slides?.append(section);
}

const deck = new Reveal({
  hash: true,
  width: 1280,
  height: 720,
  margin: 0.05,
  center: true,
  transition: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'none' : 'fade',
  backgroundTransition: 'none',
  slideNumber: 'c/t',
  controlsTutorial: false,
  // Slides of the full set only are hidden slides; the full set's link (?full) shows them.
  showHiddenSlides: plan === 'full',
  plugins: [Markdown, Notes, LiveRoom({ hostKey: hostKey(), receiver: new URLSearchParams(location.search).has('receiver') })],
});
void deck.initialize().then(() => {
  document.body.dataset['presenter'] = hostKey() ? 'host' : 'viewer';
});
