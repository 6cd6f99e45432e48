// Measures the process it runs in, for the benchmark: peak resident memory (VmHWM),
// CPU seconds and event-loop delay. Answers the parent's 'metrics' message over IPC.
import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

export function reportMetrics() {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  process.on('message', (message) => {
    if (message !== 'metrics') return;
    const status = readFileSync('/proc/self/status', 'utf8');
    const peakKb = Number(status.match(/VmHWM:\s+(\d+)/)?.[1] ?? 0);
    const cpu = process.cpuUsage();
    process.send?.({
      rss_peak_mb: Math.round(peakKb / 102.4) / 10,
      cpu_s: Math.round((cpu.user + cpu.system) / 1e4) / 100,
      event_loop_p99_ms: Math.round(delay.percentile(99) / 1e4) / 100,
    });
  });
}
