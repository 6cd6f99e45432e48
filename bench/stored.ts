/**
 * What a kit kept: the ballots stored for an activity, read back from where each kit keeps
 * them (SQLite, Redis, or the baseline's memory), and how many distinct phones they stand for.
 */
import Database from 'better-sqlite3';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { RedisClientType } from 'redis';
import { activityKeys } from '../server/redis/ballots.ts';
import { listWorkshops } from '../server/redis/workshop-records.ts';
import { ballotKey, phoneKey } from '../server/privacy/keys.ts';
import { ask } from './children.ts';

/** Ballots stored, the distinct phones they stand for, and acked phones with none. */
export interface Stored {
  rows: number;
  distinct: number;
  lost: number;
}

/** Ballots stored in a data folder for an activity, and how many distinct phones they stand for. */
export function sqliteBallots(dataDir: string, activityId: string, devices: Set<string>): Stored {
  const db = new Database(join(dataDir, 'workshops.sqlite'), { readonly: true });
  const workshop = db.prepare('SELECT id, salt FROM workshops ORDER BY created_at DESC, rowid DESC LIMIT 1').get() as { id: string; salt: string };
  const voters = (db.prepare('SELECT voter FROM ballots WHERE workshop_id = ? AND activity_id = ?').all(workshop.id, activityId) as { voter: string }[]).map((r) => r.voter);
  db.close();
  const stored = new Set(voters);
  // The kit stores only salted hashes of device tokens, so hash the acked devices the same way.
  const lost = [...devices].filter((d) => !stored.has(ballotKey(workshop.salt, phoneKey(workshop.salt, d), activityId))).length;
  return { rows: voters.length, distinct: stored.size, lost };
}

/** The same in Redis: one hash per activity, so a phone has at most one ballot there (rows = distinct). */
export async function redisBallots(redis: RedisClientType, activityId: string, devices: Set<string>): Promise<Stored> {
  const [workshop] = await listWorkshops(redis);
  if (!workshop) throw new Error('no workshop in Redis');
  const key = activityKeys(workshop.id, activityId).ballots;
  const rows = await redis.hLen(key);
  const wanted = [...devices].map((d) => ballotKey(workshop.salt, phoneKey(workshop.salt, d), activityId));
  const found = wanted.length ? await redis.hmGet(key, wanted) : [];
  return { rows, distinct: rows, lost: found.filter((v) => v === null).length };
}

/** The same in the baseline's memory, asked over IPC (it keys ballots `activity\ndevice`). */
export async function memoryBallots(baseline: ChildProcess, activityId: string, devices: Set<string>): Promise<Stored> {
  const { stored } = await ask<{ stored: string[] }>(baseline, 'stored', (m) => 'stored' in (m as object));
  const kept = new Set(stored.filter((k) => k.startsWith(`${activityId}\n`)).map((k) => k.split('\n')[1] ?? ''));
  return { rows: kept.size, distinct: kept.size, lost: [...devices].filter((d) => !kept.has(d)).length };
}
