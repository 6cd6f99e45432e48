// The real kit, as `npm start` runs it, with its own measurements for the benchmark.
import { reportMetrics } from './metrics.mjs';

reportMetrics();
await import('../scripts/start.mjs');
