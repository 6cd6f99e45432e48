import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ATTENDEE_EVENTS, ERROR_CODES, HANDSHAKE_ERRORS, HOST_EVENTS, PROTOCOL_VERSION, SERVER_EVENTS } from '../../server/protocol.ts';
import { ROOT } from '../helpers/server.ts';

const doc = readFileSync(join(ROOT, 'docs/protocol.md'), 'utf8');

describe('docs/protocol.md', () => {
  it.each([...Object.values(ATTENDEE_EVENTS), ...Object.values(HOST_EVENTS), ...Object.values(SERVER_EVENTS)])('documents the event %s', (name) => {
    expect(doc).toContain(`| \`${name}\` |`);
  });

  it.each([...ERROR_CODES, ...HANDSHAKE_ERRORS])('documents the error %s', (code) => {
    expect(doc).toContain(`| \`${code}\` |`);
  });

  it('names the protocol version', () => {
    expect(doc).toContain(`Protocol version: **${PROTOCOL_VERSION}**`);
  });
});

describe('client source', () => {
  it('uses only UI string keys that exist in slides/strings/en.yaml', () => {
    const en = readFileSync(join(ROOT, 'slides/strings/en.yaml'), 'utf8');
    const keys = new Set([...en.matchAll(/^([\w.]+):/gm)].map((m) => m[1]));
    const files = ['client/join/main.ts', 'client/join/view.ts', 'client/present/live.ts', 'client/present/live-view.ts', 'client/results.ts'];
    for (const file of files) {
      const source = readFileSync(join(ROOT, file), 'utf8');
      for (const [, key] of source.matchAll(/\bt\('([\w.]+)'/g)) expect(keys, `${file}: ${key}`).toContain(key);
    }
  });
});
