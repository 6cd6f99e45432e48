/**
 * `npm start -- --rehearse [N]`: the kit as on the night, with a room of N simulated phones, so
 * a facilitator can practise every live part (the threshold, revealing, locking, the questions,
 * the clock) on the real screens before the night. What main.ts needs of it: a temporary folder
 * instead of the data folder, for what the kit writes beside a workshop (links.txt; folder.ts),
 * while main.ts keeps the rehearsal's answers in an in-memory store; the simulated room once the
 * kit listens (room.ts); and the folder deleted when the kit stops, however it stops.
 * The server itself gets nothing but the word that this is a rehearsal, to say so on its screens.
 */
import { randomBytes } from 'node:crypto';
import type { Content } from '../content/schema.ts';
import { makeRehearsalFolder } from './folder.ts';
import { startSimulatedRoom, type SimulatedRoom } from './room.ts';
import { rehearsalTexts } from './texts.ts';

export interface Rehearsal {
  /** The temporary folder that stands for the data folder (links.txt); the answers stay in memory. */
  dir: string;
  phones: number;
  /** What `npm start` says first (in the terminal, in English like the rest of it): a rehearsal, and nothing kept. */
  lines: string[];
  /** Lets the simulated phones in, to the kit listening on `port` on this computer. */
  start(port: number): void;
  /** The simulated phones leave. */
  stop(): void;
  /** Deletes the folder (once the store is closed; also done when the process exits). */
  remove(): void;
}

/** Opens a rehearsal of `phones` simulated phones typing in `lang`, the deck's language. */
export function openRehearsal(phones: number, content: Content, lang: string): Rehearsal {
  const folder = makeRehearsalFolder();
  // However the kit ends: Ctrl+C or SIGTERM (main.ts stops, then exits), an error, or its
  // terminal window closed (SIGHUP, which would otherwise end it without a word).
  process.once('exit', folder.remove);
  process.once('SIGHUP', () => process.exit(129));
  let room: SimulatedRoom | undefined;
  return {
    dir: folder.dir,
    phones,
    lines: [
      '',
      `REHEARSAL: ${phones} simulated phones join over the first minute. They answer what you open`,
      '  (most get the second round of a quick check right, fewer the first), skip or change their',
      '  minds now and then, ask a few questions (one of them personal) and vote for those you approve.',
      '  Nothing of it is kept: its answers and questions live in memory, gone when the kit stops.',
      `  Your data folder and your workshops are not touched (the rehearsal's links go to ${folder.dir}).`,
    ],
    start(port) {
      room = startSimulatedRoom({
        url: `http://127.0.0.1:${port}`,
        phones,
        activities: content.activities,
        texts: rehearsalTexts(content.strings[lang] ?? content.strings['en'] ?? {}),
        seed: randomBytes(6).toString('hex'),
      });
    },
    stop: () => room?.stop(),
    remove: folder.remove,
  };
}
