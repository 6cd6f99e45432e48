/**
 * The result's figures, named as in docs/bench/*.json: a kit's join, burst and reveal, and
 * the run on several processes beside the run on one (the tests read these names).
 */
import type { KitRun, Run } from './scenarios.ts';
import type { Stored } from './stored.ts';

/** A kit's join, burst and reveal figures, their names prefixed with `prefix`. */
export function runFigures(prefix: string, run: Run, stored: Stored): Record<string, number> {
  const figures = {
    connected: run.connected,
    connect_p95_ms: run.connect_p95_ms,
    connect_all_ms: run.connect_all_ms,
    acked: run.acked,
    stored: stored.rows,
    lost: stored.lost + (run.sent - run.acked),
    // Counted twice: a second row for a phone (the unique key forbids it), or a tally above the phones stored.
    duplicated: stored.rows - stored.distinct + Math.max(0, run.last_total - stored.distinct),
    ack_p50_ms: run.ack_p50_ms,
    ack_p95_ms: run.ack_p95_ms,
    ack_p99_ms: run.ack_p99_ms,
    burst_acks_per_s: run.burst_acks_per_s,
    final_tally_ms: run.final_tally_ms,
    reveal_all_ms: run.reveal_all_ms,
    reveal_missing: run.reveal_missing,
    rss_peak_mb: run.rss_peak_mb,
    cpu_s: run.cpu_s,
    event_loop_p99_ms: run.event_loop_p99_ms,
  };
  return Object.fromEntries(Object.entries(figures).map(([key, value]) => [`${prefix}${key}`, value]));
}

/** The figures of the run on `processes` processes, prefixed `shared_`, and how they scale against one. */
export function sharedFigures(processes: number, { run, stored, phoneStorm, stampede }: KitRun, one: Run): Record<string, number> {
  return {
    processes,
    ...runFigures('shared_', run, stored),
    shared_restart_ms: phoneStorm.restart_ms,
    shared_restart_acked: phoneStorm.acked,
    shared_restart_lost: phoneStorm.lost,
    shared_restart_duplicated: phoneStorm.duplicated,
    shared_restart_kept_pct: phoneStorm.kept_pct,
    shared_resynced_10s_after_kill_pct: phoneStorm.resynced_10s_after_kill_pct,
    shared_resynced_p95_after_ready_ms: phoneStorm.resynced_p95_after_ready_ms,
    shared_restart_server_cpu_s: phoneStorm.server_cpu_s,
    shared_restart_swarm_cpu_s: phoneStorm.swarm_cpu_s,
    shared_stampede_lost: stampede.lost,
    shared_stampede_duplicated: stampede.duplicated,
    shared_stampede_resynced_10s_after_kill_pct: stampede.resynced_10s_after_kill_pct,
    // Above 1: the processes together took answers faster than one did.
    scaling_burst_acks_per_s: Math.round((100 * run.burst_acks_per_s) / one.burst_acks_per_s) / 100,
    scaling_ack_p95: Math.round((100 * one.ack_p95_ms) / run.ack_p95_ms) / 100,
  };
}
