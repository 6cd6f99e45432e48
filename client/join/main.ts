/** The attendee's page. Until the live room arrives it says the workshop will begin soon. */
import { pickLanguage, setLanguage, t } from '../i18n.ts';

setLanguage(pickLanguage());
document.title = t('app.title');

const app = document.getElementById('app');
if (app) {
  const heading = document.createElement('h1');
  heading.textContent = t('join.waiting.title');
  const body = document.createElement('p');
  body.textContent = t('join.waiting.body');
  const privacy = document.createElement('p');
  privacy.className = 'note';
  privacy.textContent = `${t('join.privacy')} ${t('join.stepOut')}`;
  app.replaceChildren(heading, body, privacy);
}
