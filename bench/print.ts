/** The tables printed at the end of a run, from the result object as written to JSON. */

/** The kit beside the baseline, then one line for each reconnect storm and the slow phone. */
export function print(r: Record<string, number>): void {
  const rows: [string, string, string][] = [
    ['connected (first attempts retried)', `${r.connected} / ${r.attendees} (${r.connect_retried})`, `${r.baseline_connected}`],
    ['join storm: p95 / all connected (ms)', `${r.connect_p95_ms} / ${r.connect_all_ms}`, `${r.baseline_connect_p95_ms} / ${r.baseline_connect_all_ms}`],
    ['client swarm CPU during the join (s)', `${r.swarm_cpu_s_join}`, `${r.baseline_swarm_cpu_s_join}`],
    ['acked / stored / lost / duplicated', `${r.acked} / ${r.stored} / ${r.lost} / ${r.duplicated}`, `${r.baseline_acked} / ${r.baseline_stored} (memory) / ${(r.attendees ?? 0) - (r.baseline_stored ?? 0)} / -`],
    ['ack p50 / p95 / p99 (ms)', `${r.ack_p50_ms} / ${r.ack_p95_ms} / ${r.ack_p99_ms}`, `${r.baseline_ack_p50_ms} / ${r.baseline_ack_p95_ms} / ${r.baseline_ack_p99_ms}`],
    ['last ack to final tally at presenter (ms)', `${r.final_tally_ms}`, `${r.baseline_final_tally_ms}`],
    ['reveal to every phone (ms)', `${r.reveal_all_ms}`, `${r.baseline_reveal_all_ms}`],
    ['server peak RSS (MB)', `${r.rss_peak_mb}`, `${r.baseline_rss_peak_mb}`],
    ['server CPU (s)', `${r.cpu_s}`, `${r.baseline_cpu_s}`],
    ['client swarm CPU, burst and reveal (s)', `${r.swarm_cpu_s_burst}`, '-'],
    ['event-loop delay p99 (ms)', `${r.event_loop_p99_ms}`, `${r.baseline_event_loop_p99_ms}`],
  ];
  const w = [44, 30, 30];
  console.log(`\n${'scenario'.padEnd(w[0] ?? 0)}${'kit'.padEnd(w[1] ?? 0)}baseline`);
  for (const [a, b, c] of rows) console.log(`${a.padEnd(w[0] ?? 0)}${b.padEnd(w[1] ?? 0)}${c}`);
  console.log(`\nratio ack p95 ${r.ratio_ack_p95} (target <= 1.5), ratio RSS ${r.ratio_rss} (target <= 1.3)`);
  console.log(`a phone at 400 kbit/s and 400 ms latency: first question on screen after ${r.slow_phone_first_question_ms} ms (${r.slow_phone_transferred_kb} KB transferred)`);
  console.log(`people joined over ${r.join_spread_s} s, as they scan a QR code`);
  console.log(
    `kill -9 mid-burst, phones reconnecting as phones do: ${r.restart_acked} acked, ${r.restart_stored} stored, lost ${r.restart_lost}, duplicated ${r.restart_duplicated}; ` +
      `restart took ${r.restart_ms} ms; resynced within 10 s of the restart ${r.resynced_10s_pct}%, of the kill ${r.resynced_10s_after_kill_pct}% (p95 ${r.resynced_p95_after_ready_ms} ms after the restart); ` +
      `CPU while they came back: server ${r.restart_server_cpu_s} s, client swarm ${r.restart_swarm_cpu_s} s`,
  );
  console.log(
    `the baseline killed and restarted the same way (it keeps nothing; how fast phones are back): restart took ${r.baseline_restart_ms} ms; ` +
      `resynced within 10 s of the restart ${r.baseline_resynced_10s_pct}%, of the kill ${r.baseline_resynced_10s_after_kill_pct}% (p95 ${r.baseline_resynced_p95_after_ready_ms} ms); ` +
      `CPU: server ${r.baseline_restart_server_cpu_s} s, client swarm ${r.baseline_restart_swarm_cpu_s} s`,
  );
  console.log(
    `worst case, the stampede (every socket at once, retries from 250 ms): lost ${r.stampede_lost}, duplicated ${r.stampede_duplicated}; ` +
      `resynced within 10 s of the restart ${r.stampede_resynced_10s_pct}%, of the kill ${r.stampede_resynced_10s_after_kill_pct}% (p95 ${r.stampede_resynced_p95_after_ready_ms} ms); ` +
      `CPU: server ${r.stampede_server_cpu_s} s, client swarm ${r.stampede_swarm_cpu_s} s`,
  );
}

/** With --processes N: one process (SQLite) beside N processes (Redis), and how they scale. */
export function printShared(r: Record<string, number>): void {
  const rows: [string, string, string][] = [
    ['connected', `${r.connected}`, `${r.shared_connected}`],
    ['join: p95 / all connected (ms)', `${r.connect_p95_ms} / ${r.connect_all_ms}`, `${r.shared_connect_p95_ms} / ${r.shared_connect_all_ms}`],
    ['acked / stored / lost / duplicated', `${r.acked} / ${r.stored} / ${r.lost} / ${r.duplicated}`, `${r.shared_acked} / ${r.shared_stored} / ${r.shared_lost} / ${r.shared_duplicated}`],
    ['ack p50 / p95 / p99 (ms)', `${r.ack_p50_ms} / ${r.ack_p95_ms} / ${r.ack_p99_ms}`, `${r.shared_ack_p50_ms} / ${r.shared_ack_p95_ms} / ${r.shared_ack_p99_ms}`],
    ['answers acknowledged per second', `${r.burst_acks_per_s}`, `${r.shared_burst_acks_per_s}`],
    ['last ack to final tally at presenter (ms)', `${r.final_tally_ms}`, `${r.shared_final_tally_ms}`],
    ['reveal to every phone (ms)', `${r.reveal_all_ms}`, `${r.shared_reveal_all_ms}`],
    ['peak RSS of one process (MB)', `${r.rss_peak_mb}`, `${r.shared_rss_peak_mb}`],
    ['server CPU, all processes (s)', `${r.cpu_s}`, `${r.shared_cpu_s} (${r.ratio_cpu}x)`],
    ['  of it join, burst and reveal (no start)', `${r.scenario_cpu_s}`, `${r.shared_scenario_cpu_s} (${r.ratio_scenario_cpu}x)`],
    ['  of it the join', `${r.join_cpu_s}`, `${r.shared_join_cpu_s}`],
    ['kill -9 mid-burst: lost / duplicated', `${r.restart_lost} / ${r.restart_duplicated}`, `${r.shared_restart_lost} / ${r.shared_restart_duplicated}`],
    ['  phones that kept their connection', '0%', `${r.shared_restart_kept_pct}%`],
    ['  in sync within 10 s of the kill', `${r.resynced_10s_after_kill_pct}%`, `${r.shared_resynced_10s_after_kill_pct}%`],
    ['  p95 back after the restart (ms)', `${r.resynced_p95_after_ready_ms}`, `${r.shared_resynced_p95_after_ready_ms}`],
    ['stampede: lost / duplicated / in sync in 10 s', `${r.stampede_lost} / ${r.stampede_duplicated} / ${r.stampede_resynced_10s_after_kill_pct}%`, `${r.shared_stampede_lost} / ${r.shared_stampede_duplicated} / ${r.shared_stampede_resynced_10s_after_kill_pct}%`],
  ];
  const w = [46, 30];
  console.log(`\n${'scenario'.padEnd(w[0] ?? 0)}${'one process (SQLite)'.padEnd(w[1] ?? 0)}${r.processes} processes (Redis)`);
  for (const [a, b, c] of rows) console.log(`${a.padEnd(w[0] ?? 0)}${b.padEnd(w[1] ?? 0)}${c}`);
  console.log(`scaling ratio, ${r.processes} processes over one: answers per second ${r.scaling_burst_acks_per_s}, ack p95 ${r.scaling_ack_p95} (above 1 is better)`);
  if (r.redis_one_cpu_s !== undefined) {
    console.log(
      `one process on Redis (Redis's own cost, without a second process's): server CPU ${r.redis_one_cpu_s} s (${r.ratio_redis_one_cpu}x), ` +
        `join, burst and reveal ${r.redis_one_scenario_cpu_s} s (${r.ratio_redis_one_scenario_cpu}x), of it the join ${r.redis_one_join_cpu_s} s; ack p95 ${r.redis_one_ack_p95_ms} ms; lost ${r.redis_one_lost}, duplicated ${r.redis_one_duplicated}`,
    );
  }
  if (r.baseline_split_join_cpu_s !== undefined) {
    console.log(
      `what a second process costs by itself (bare socket.io, no Redis): the join on two servers ${r.baseline_split_join_cpu_s} s of CPU against ${r.baseline_join_cpu_s} s on one (${r.ratio_split_floor_join}x); ` +
        `the kit's join: ${r.join_cpu_s} s on one process, ${r.redis_one_join_cpu_s} s on one on Redis, ${r.shared_join_cpu_s} s on two`,
    );
  }
  if (r.death_longest_tally_gap_ms !== undefined) {
    console.log(`kill -9 of one process, phones answering on another: the presenter's first tally ${r.death_first_tally_after_kill_ms} ms after the kill, longest gap ${r.death_longest_tally_gap_ms} ms (usually ${r.death_usual_tally_gap_ms} ms)`);
  }
}

/**
 * The open network beside the polling-only one (a proxy refusing websockets), on one process
 * and, with --processes N, on N: what the phones' long-polling fallback costs the kit.
 */
export function printPollingOnly(r: Record<string, number>): void {
  const columns: [string, string][] = [
    ['open, one', ''],
    ['polling-only, one', 'polling_only_'],
  ];
  if ((r.processes ?? 1) > 1) columns.push([`open, ${r.processes}`, 'shared_'], [`polling-only, ${r.processes}`, 'polling_only_shared_']);
  const shown = columns.filter(([, prefix]) => r[`${prefix}connected`] !== undefined);
  const v = (prefix: string, ...keys: string[]): string => keys.map((k) => (r[`${prefix}${k}`] === undefined ? '-' : `${r[`${prefix}${k}`]}`)).join(' / ');
  const rows: [string, (prefix: string) => string][] = [
    ['connected (of them over long-polling)', (p) => `${v(p, 'connected')} (${v(p, 'connected_polling')})`],
    ['join: p95 / all connected (ms)', (p) => v(p, 'connect_p95_ms', 'connect_all_ms')],
    ['joining: server CPU (s) / peak RSS once joined (MB)', (p) => v(p, 'join_cpu_s', 'join_rss_peak_mb')],
    ['joining: Redis CPU (s)', (p) => v(p, 'join_redis_cpu_s')],
    ['acked / lost / duplicated', (p) => v(p, 'acked', 'lost', 'duplicated')],
    ['ack p95 (ms) / reveal to every phone (ms)', (p) => v(p, 'ack_p95_ms', 'reveal_all_ms')],
    ['join to reveal: server CPU (s) / Redis CPU (s)', (p) => v(p, 'cpu_s', 'redis_cpu_s')],
    ['server peak RSS (MB)', (p) => v(p, 'rss_peak_mb')],
    ['client swarm CPU during the join (s) / proxy (s)', (p) => v(p, 'swarm_cpu_s_join', 'proxy_cpu_s')],
    ['kill -9 mid-burst: lost / duplicated', (p) => v(p, 'restart_lost', 'restart_duplicated')],
    ['  phones back over long-polling', (p) => v(p, 'restart_polling')],
    ['  in sync within 10 s of the kill (%)', (p) => v(p, 'resynced_10s_after_kill_pct')],
    ['  p95 back after the restart (ms)', (p) => v(p, 'resynced_p95_after_ready_ms')],
    ['  server CPU (s) / Redis CPU (s) as they came back', (p) => v(p, 'restart_server_cpu_s', 'restart_redis_cpu_s')],
  ];
  const w = [52, 24];
  console.log(`\n${'network, processes'.padEnd(w[0] ?? 0)}${shown.map(([name]) => name.padEnd(w[1] ?? 0)).join('')}`);
  for (const [label, cell] of rows) console.log(`${label.padEnd(w[0] ?? 0)}${shown.map(([, prefix]) => cell(prefix).padEnd(w[1] ?? 0)).join('')}`);
}
