// Runs the whole vitest suite and closes with one plain summary line ("N passed, N failed"),
// which CI systems read without knowing vitest's own format.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const dir = mkdtempSync(path.join(tmpdir(), 'guanxi-tests-'));
const report = path.join(dir, 'report.json');
const result = spawnSync(
  'npx',
  ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)],
  { stdio: 'inherit' },
);
let summary = 'tests: 0 passed, 1 failed (no report)';
try {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  summary = `tests: ${json.numPassedTests} passed, ${json.numFailedTests} failed`;
} catch {
  // keep the failure summary above
}
rmSync(dir, { recursive: true, force: true });
console.log(summary);
process.exit(result.status ?? 1);
