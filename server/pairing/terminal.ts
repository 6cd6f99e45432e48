/**
 * What `npm start` shows of the console's pairing, and where the links that hold a key go
 * when nobody watches the terminal. A key or a pairing code is written only to a terminal
 * (on the laptop's own screen) or to a file only the facilitator can read: never to an
 * output that may end in a log or the system journal (systemd, a pipe, a CI job).
 */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import QRCode from 'qrcode';
import { pairingLink, spacedCode, type Links } from '../links.ts';
import { PAIRING_CODE_MS, type ConsolePairing } from './pairing.ts';

/** Whether stdout is a terminal someone watches (not a pipe, a file or the journal). */
export function isTerminal(stream: { isTTY?: boolean } = process.stdout): boolean {
  return stream.isTTY === true;
}

/** A fresh pairing code for the running workshop, as lines to print: the link, the code to type, and a QR. */
export async function pairingLines(pairing: ConsolePairing, joinCode: string, links: Links, withQr = true): Promise<string[]> {
  const { code } = pairing.issue(joinCode);
  const link = pairingLink(links, code);
  const minutes = PAIRING_CODE_MS / 60_000;
  return [
    `  ${link}`,
    `  (or open ${links.console} on your phone and type ${spacedCode(code)}; it works once, for ${minutes} minutes)`,
    withQr ? await QRCode.toString(link, { type: 'terminal', small: true }) : '',
  ];
}

/** Where the links are kept when they are not printed: in the data folder, readable by its owner only. */
export function linksFile(dataDir: string): string {
  return join(dataDir, 'links.txt');
}

/** Writes `text` to `path`, readable and writable by this user only (0600, its folder 0700). */
export function writePrivate(dataDir: string, path: string, text: string): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  writeFileSync(path, text, { mode: 0o600 });
  // The mode above applies to a new file only: an older one keeps whatever it had.
  chmodSync(path, 0o600);
}
