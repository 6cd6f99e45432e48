/**
 * `npm run size`: what each page costs over the wire, compressed as the server sends it
 * (brotli), against its budget. The phone page must stay light for old phones on weak
 * venue Wi-Fi: at most 40 KB. Run after a build (`npm run build` or `npm start`).
 */
import { pageSizes } from '../server/build/page-size.ts';

const sizes = pageSizes('dist/client');
let over = false;
for (const page of sizes) {
  const flag = page.bytes > page.budget ? '  OVER BUDGET' : '';
  over ||= flag !== '';
  console.log(`${page.page.padEnd(14)} ${String(page.bytes).padStart(8)} bytes of ${String(page.budget).padStart(8)} (${page.files.length} files)${flag}`);
}
process.exit(over ? 1 : 0);
