import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/server.ts';

describe('npm run bench, small', () => {
  it('runs 200 attendees through every scenario on one process, on one on Redis and on two sharing Redis, including kill -9 with phones reconnecting as phones do and as a stampede, on an open network and a polling-only one, with nothing lost or counted twice', () => {
    const dir = mkdtempSync(join(tmpdir(), 'csec-bench-test-'));
    const out = join(dir, 'bench.json');
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'bench/run.ts', '--attendees', '200', '--join-spread', '3', '--processes', '2', '--out', out], { cwd: ROOT, encoding: 'utf8', timeout: 360_000 });
    expect(run.status, run.stderr + run.stdout).toBe(0);
    const r = JSON.parse(readFileSync(out, 'utf8')) as Record<string, number>;
    rmSync(dir, { recursive: true, force: true });
    // On an open network every phone is on its websocket.
    expect(r).toMatchObject({ attendees: 200, connected: 200, connected_polling: 0, acked: 200, stored: 200, lost: 0, duplicated: 0 });
    expect(r).toMatchObject({ restart_acked: 200, restart_stored: 200, restart_lost: 0, restart_duplicated: 0 });
    expect(r).toMatchObject({ stampede_acked: 200, stampede_lost: 0, stampede_duplicated: 0 });
    expect(r.baseline_acked).toBe(200);
    // Two processes on one Redis: the same phones, nothing lost or counted twice, one process killed mid-burst.
    expect(r).toMatchObject({ processes: 2, shared_connected: 200, shared_acked: 200, shared_stored: 200, shared_lost: 0, shared_duplicated: 0 });
    expect(r).toMatchObject({ shared_restart_acked: 200, shared_restart_lost: 0, shared_restart_duplicated: 0, shared_stampede_lost: 0, shared_stampede_duplicated: 0 });
    // One process on Redis alone (Redis's own cost): the same phones, nothing lost or counted twice.
    expect(r).toMatchObject({ redis_one_acked: 200, redis_one_lost: 0, redis_one_duplicated: 0 });
    // The phones on the process not killed kept their connection: about half of them.
    expect(r.shared_restart_kept_pct).toBeGreaterThan(25);
    expect(r.shared_restart_kept_pct).toBeLessThan(75);
    // Behind a proxy that refuses websockets every phone goes on over long-polling, on one process and on two, through kill -9.
    expect(r).toMatchObject({ polling_only_connected: 200, polling_only_connected_polling: 200, polling_only_acked: 200, polling_only_stored: 200, polling_only_lost: 0, polling_only_duplicated: 0 });
    expect(r).toMatchObject({ polling_only_restart_acked: 200, polling_only_restart_lost: 0, polling_only_restart_duplicated: 0 });
    expect(r).toMatchObject({ polling_only_shared_connected: 200, polling_only_shared_connected_polling: 200, polling_only_shared_acked: 200, polling_only_shared_lost: 0, polling_only_shared_duplicated: 0 });
    expect(r).toMatchObject({ polling_only_shared_restart_acked: 200, polling_only_shared_restart_lost: 0, polling_only_shared_restart_duplicated: 0 });
    for (const key of ['ack_p50_ms', 'ack_p95_ms', 'ack_p99_ms', 'final_tally_ms', 'reveal_all_ms', 'rss_peak_mb', 'baseline_ack_p95_ms', 'baseline_rss_peak_mb', 'ratio_ack_p95', 'ratio_rss', 'resynced_10s_pct', 'resynced_10s_after_kill_pct', 'stampede_resynced_10s_pct', 'restart_swarm_cpu_s', 'restart_server_cpu_s', 'swarm_cpu_s_burst', 'slow_phone_first_question_ms', 'slow_phone_transferred_kb', 'scaling_burst_acks_per_s', 'scaling_ack_p95', 'shared_resynced_10s_after_kill_pct', 'baseline_resynced_10s_after_kill_pct', 'join_cpu_s', 'shared_redis_cpu_s', 'polling_only_join_cpu_s', 'polling_only_resynced_10s_after_kill_pct', 'polling_only_shared_redis_cpu_s', 'polling_only_shared_restart_redis_cpu_s', 'scenario_cpu_s', 'shared_scenario_cpu_s', 'ratio_cpu', 'ratio_scenario_cpu', 'death_first_tally_after_kill_ms', 'death_longest_tally_gap_ms', 'death_usual_tally_gap_ms', 'redis_one_scenario_cpu_s', 'redis_one_redis_cpu_s', 'ratio_redis_one_cpu', 'ratio_redis_one_scenario_cpu', 'baseline_join_cpu_s', 'baseline_split_join_cpu_s', 'ratio_split_floor_join']) {
      expect(Number.isFinite(r[key]), key).toBe(true);
    }
  }, 420_000);
});
