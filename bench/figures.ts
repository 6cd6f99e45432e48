/**
 * The result's figures, named as in docs/bench/*.json: a kit's join, burst and reveal, the
 * run on several processes beside the run on one, and the runs on a polling-only network
 * (the tests read these names).
 */
import type { ProcessDeath } from './process-death.ts';
import type { KitRun, NetworkRun, Run } from './scenarios.ts';
import type { Stored } from './stored.ts';

/** A kit's join, burst and reveal figures, their names prefixed with `prefix`. */
export function runFigures(prefix: string, run: Run, stored: Stored): Record<string, number> {
  const figures = {
    connected: run.connected,
    connected_polling: run.connected_polling,
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
    scenario_cpu_s: run.scenario_cpu_s,
    join_cpu_s: run.join_cpu_s,
    join_rss_peak_mb: run.join_rss_peak_mb,
    ...(run.redis_cpu_s === undefined ? {} : { join_redis_cpu_s: run.join_redis_cpu_s, redis_cpu_s: run.redis_cpu_s }),
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
    shared_restart_polling: phoneStorm.polling,
    shared_resynced_10s_after_kill_pct: phoneStorm.resynced_10s_after_kill_pct,
    shared_resynced_p95_after_ready_ms: phoneStorm.resynced_p95_after_ready_ms,
    shared_restart_server_cpu_s: phoneStorm.server_cpu_s,
    shared_restart_swarm_cpu_s: phoneStorm.swarm_cpu_s,
    shared_swarm_cpu_s_join: run.swarm_cpu_s,
    ...(phoneStorm.redis_cpu_s === undefined ? {} : { shared_restart_redis_cpu_s: phoneStorm.redis_cpu_s }),
    shared_stampede_lost: stampede.lost,
    shared_stampede_duplicated: stampede.duplicated,
    shared_stampede_resynced_10s_after_kill_pct: stampede.resynced_10s_after_kill_pct,
    // Above 1: the processes together took answers faster than one did.
    scaling_burst_acks_per_s: Math.round((100 * run.burst_acks_per_s) / one.burst_acks_per_s) / 100,
    scaling_ack_p95: Math.round((100 * one.ack_p95_ms) / run.ack_p95_ms) / 100,
    // The processes' CPU over one process's, for the same phones: all of it, and the scenarios' only (no start).
    ratio_cpu: Math.round((100 * run.cpu_s) / one.cpu_s) / 100,
    ratio_scenario_cpu: Math.round((100 * run.scenario_cpu_s) / one.scenario_cpu_s) / 100,
  };
}

/**
 * The scenarios on one process on Redis, prefixed `redis_one_`, and its CPU over one process's on
 * SQLite: what Redis itself costs (round trips, scripts), apart from what a second process costs.
 */
export function redisOneFigures(run: Run, stored: Stored, one: Run): Record<string, number> {
  const all = runFigures('redis_one_', run, stored);
  const kept = ['acked', 'lost', 'duplicated', 'ack_p95_ms', 'rss_peak_mb', 'cpu_s', 'scenario_cpu_s', 'join_cpu_s', 'redis_cpu_s'].map((name) => `redis_one_${name}`);
  return {
    ...Object.fromEntries(kept.map((name) => [name, all[name] ?? NaN])),
    ratio_redis_one_cpu: Math.round((100 * run.cpu_s) / one.cpu_s) / 100,
    ratio_redis_one_scenario_cpu: Math.round((100 * run.scenario_cpu_s) / one.scenario_cpu_s) / 100,
  };
}

/**
 * The figures of a run on a network of its own (the polling-only network), prefixed with
 * `prefix`: the join, burst and reveal, and the storm with phones reconnecting as phones do.
 */
export function networkFigures(prefix: string, { run, stored, phoneStorm }: NetworkRun, proxyCpu: number): Record<string, number> {
  const figures = {
    swarm_cpu_s_join: run.swarm_cpu_s,
    proxy_cpu_s: proxyCpu,
    restart_ms: phoneStorm.restart_ms,
    restart_acked: phoneStorm.acked,
    restart_stored: phoneStorm.stored,
    restart_lost: phoneStorm.lost,
    restart_duplicated: phoneStorm.duplicated,
    restart_kept_pct: phoneStorm.kept_pct,
    restart_polling: phoneStorm.polling,
    resynced_10s_pct: phoneStorm.resynced_10s_after_ready_pct,
    resynced_10s_after_kill_pct: phoneStorm.resynced_10s_after_kill_pct,
    resynced_p95_after_ready_ms: phoneStorm.resynced_p95_after_ready_ms,
    restart_server_cpu_s: phoneStorm.server_cpu_s,
    restart_swarm_cpu_s: phoneStorm.swarm_cpu_s,
    ...(phoneStorm.redis_cpu_s === undefined ? {} : { restart_redis_cpu_s: phoneStorm.redis_cpu_s }),
  };
  return { ...runFigures(prefix, run, stored), ...Object.fromEntries(Object.entries(figures).map(([key, value]) => [`${prefix}${key}`, value])) };
}

/** A process's death on Redis: how long the presenter's tallies paused (bench/process-death.ts). */
export function deathFigures(death: ProcessDeath): Record<string, number> {
  return {
    death_first_tally_after_kill_ms: death.first_tally_after_kill_ms,
    death_longest_tally_gap_ms: death.longest_gap_ms,
    death_usual_tally_gap_ms: death.usual_gap_ms,
  };
}
