/**
 * `npm run bench:archive -- --db URL --into URL2 [--org CODE]` (or `--pglite DIR --into-pglite DIR2`)
 *
 * Issue 12's third speed figure: the full organization export (`guanxi export --org`) of the bench
 * organization and its import (`guanxi import --in`) into an empty database, each run as the real
 * CLI in its own process; wall time, rows per second and the process's peak RSS (VmHWM) are
 * reported. The target database must be empty (migrated or not); the source is left as it was.
 */
import { spawn } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../../apps/server/src/platform/config/config.js';
import { BENCH_DIR, parseArgs, serverEnv, targetFrom, type Target } from './common.js';

const log = (line: string) => console.log(line);

interface CliRun {
  seconds: number;
  peakRssMb: number;
  output: string;
}

/** Runs `guanxi <args>` against a target and samples its peak RSS until it exits. */
function runCli(target: Target, args: string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const env = serverEnv(target, 0);
    delete env.PORT;
    const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/cli.ts', ...args], {
      cwd: REPO_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let peak = 0;
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const sampler = setInterval(() => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        peak = Math.max(peak, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
      } catch {
        // exited between samples
      }
    }, 100);
    child.once('error', reject);
    child.once('exit', (code) => {
      clearInterval(sampler);
      const seconds = (performance.now() - started) / 1000;
      if (code !== 0) reject(new Error(`guanxi ${args.join(' ')} exited ${code}:\n${output.slice(-2000)}`));
      else resolve({ seconds, peakRssMb: Math.round(peak), output });
    });
  });
}

async function main() {
  const { values } = parseArgs({
    options: {
      db: { type: 'string' },
      pglite: { type: 'string' },
      into: { type: 'string' },
      'into-pglite': { type: 'string' },
      org: { type: 'string' },
    },
  });
  const source = targetFrom(values);
  const target = targetFrom({ db: values.into, pglite: values['into-pglite'] });
  const org = values.org ?? 'demo';
  const file = path.join(os.tmpdir(), `guanxi-bench-archive-${Date.now().toString(36)}.zip`);
  log(`Guanxi archive bench: ${source.label} → ${file} → ${target.label}`);
  try {
    const exported = await runCli(source, ['export', '--org', org, '--out', file]);
    const rows = Number(/: (\d+) rows in/.exec(exported.output)?.[1] ?? 0);
    const megabytes = statSync(file).size / 1024 / 1024;
    log(
      `export: ${rows} rows in ${exported.seconds.toFixed(1)} s = ${Math.round(rows / exported.seconds)} rows/s, ` +
        `${megabytes.toFixed(0)} MB zip, peak RSS ${exported.peakRssMb} MB`,
    );
    const imported = await runCli(target, ['import', '--in', file]);
    log(
      `import: ${rows} rows in ${imported.seconds.toFixed(1)} s = ${Math.round(rows / imported.seconds)} rows/s, ` +
        `peak RSS ${imported.peakRssMb} MB`,
    );
    const lines = [
      `# Full organization export and import — ${source.kind} → ${target.kind}`,
      '',
      `${new Date().toISOString()}, ${os.cpus().length} cores, load average ${os
        .loadavg()
        .map((n) => n.toFixed(2))
        .join(
          ' ',
        )} at the end. Each step is the real CLI in its own process (\`guanxi export --org\`, \`guanxi import --in\`).`,
      '',
      '| step | rows | time | rows/s | peak RSS | notes |',
      '|---|---|---|---|---|---|',
      `| export | ${rows} | ${exported.seconds.toFixed(1)} s | ${Math.round(rows / exported.seconds)} | ${exported.peakRssMb} MB | ${megabytes.toFixed(0)} MB zip |`,
      `| import into an empty database | ${rows} | ${imported.seconds.toFixed(1)} s | ${Math.round(rows / imported.seconds)} | ${imported.peakRssMb} MB | |`,
      '',
    ];
    writeFileSync(path.join(BENCH_DIR, `results-archive-${source.kind}.md`), lines.join('\n'));
    log(lines.join('\n'));
  } finally {
    await rm(file, { force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
