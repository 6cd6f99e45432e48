import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/server.ts';

describe('npm run bench, small', () => {
  it('runs 200 attendees through every scenario on one process and on two sharing Redis, including kill -9 with phones reconnecting as phones do and as a stampede, with nothing lost or counted twice', () => {
    const dir = mkdtempSync(join(tmpdir(), 'csec-bench-test-'));
    const out = join(dir, 'bench.json');
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'bench/run.ts', '--attendees', '200', '--join-spread', '3', '--processes', '2', '--out', out], { cwd: ROOT, encoding: 'utf8', timeout: 240_000 });
    expect(run.status, run.stderr + run.stdout).toBe(0);
    const r = JSON.parse(readFileSync(out, 'utf8')) as Record<string, number>;
    rmSync(dir, { recursive: true, force: true });
    expect(r).toMatchObject({ attendees: 200, connected: 200, acked: 200, stored: 200, lost: 0, duplicated: 0 });
    expect(r).toMatchObject({ restart_acked: 200, restart_stored: 200, restart_lost: 0, restart_duplicated: 0 });
    expect(r).toMatchObject({ stampede_acked: 200, stampede_lost: 0, stampede_duplicated: 0 });
    expect(r.baseline_acked).toBe(200);
    // Two processes on one Redis: the same phones, nothing lost or counted twice, one process killed mid-burst.
    expect(r).toMatchObject({ processes: 2, shared_connected: 200, shared_acked: 200, shared_stored: 200, shared_lost: 0, shared_duplicated: 0 });
    expect(r).toMatchObject({ shared_restart_acked: 200, shared_restart_lost: 0, shared_restart_duplicated: 0, shared_stampede_lost: 0, shared_stampede_duplicated: 0 });
    // The phones on the process not killed kept their connection: about half of them.
    expect(r.shared_restart_kept_pct).toBeGreaterThan(25);
    expect(r.shared_restart_kept_pct).toBeLessThan(75);
    for (const key of ['ack_p50_ms', 'ack_p95_ms', 'ack_p99_ms', 'final_tally_ms', 'reveal_all_ms', 'rss_peak_mb', 'baseline_ack_p95_ms', 'baseline_rss_peak_mb', 'ratio_ack_p95', 'ratio_rss', 'resynced_10s_pct', 'resynced_10s_after_kill_pct', 'stampede_resynced_10s_pct', 'restart_swarm_cpu_s', 'restart_server_cpu_s', 'swarm_cpu_s_burst', 'slow_phone_first_question_ms', 'slow_phone_transferred_kb', 'scaling_burst_acks_per_s', 'scaling_ack_p95', 'shared_resynced_10s_after_kill_pct', 'baseline_resynced_10s_after_kill_pct']) {
      expect(Number.isFinite(r[key]), key).toBe(true);
    }
  }, 300_000);
});
