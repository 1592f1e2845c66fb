// Module boundaries, checked on every `npm run lint` (docs/architecture.md "Boundaries"):
// - a server module (apps/server/src/modules/<name>) or web feature (apps/web/src/features/<name>)
//   imports another only through that one's index (a test or fixture file may also import another's
//   `<name>.fixtures.ts`, its test data builders);
// - apps/server/src/platform never imports a module, apps/web/src/platform never imports a feature;
// - no cycle between modules (nor between features), counting type-only imports too: a cycle of types
//   still means neither side can be understood or moved alone.
// ESLint's no-restricted-imports cannot see cycles, and import/no-cycle walks every file's graph on
// each lint run (tens of seconds here); this reads each file's import lines once (about a second).
// A test may import another module's `<module>.fixtures.ts` (its test data builders): that is no
// reach and no dependency of the module itself. `--root DIR` checks another tree (the script's test).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const rootOption = process.argv.indexOf('--root');
const root =
  rootOption >= 0
    ? path.resolve(process.argv[rootOption + 1])
    : path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const areas = [
  { label: 'server module', units: 'apps/server/src/modules', platform: 'apps/server/src/platform' },
  { label: 'web feature', units: 'apps/web/src/features', platform: 'apps/web/src/platform' },
];
const importPattern = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function filesUnder(dir) {
  const out = [];
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...filesUnder(full));
    else if (/\.(ts|tsx)$/.test(entry)) out.push(full);
  }
  return out;
}

function importsOf(file) {
  const text = readFileSync(file, 'utf8');
  const specs = [];
  for (const match of text.matchAll(importPattern)) specs.push(match[1] ?? match[2]);
  return specs.filter((spec) => spec.startsWith('.'));
}

/** The unit (module or feature name) a path lies in, and its path inside the unit. */
function unitOf(unitsDir, file) {
  const relative = path.relative(unitsDir, file);
  if (relative.startsWith('..')) return undefined;
  const [entry, ...rest] = relative.split(path.sep);
  // A file directly under the units folder (modules/registry.ts) is a unit of its own, named as imported.
  const name = rest.length === 0 ? entry.replace(/\.(ts|tsx|js)$/, '') : entry;
  return { name, inner: rest.join('/') };
}

const isIndex = (inner) => /^index(\.(ts|tsx|js))?$/.test(inner) || inner === '';
/** Tests and fixtures may use another module's test data builders: `orders/orders.fixtures.js`. */
const isTestOrFixtures = (file) => /\.(test|fixtures)\.tsx?$/.test(file);
const isFixturesOf = (unit) => new RegExp(`^${unit.name}\\.fixtures(\\.(ts|js))?$`).test(unit.inner);

const problems = [];
const counts = {};
for (const area of areas) {
  const unitsDir = path.join(root, area.units);
  const platformDir = path.join(root, area.platform);
  const edges = new Map();
  let reaches = 0;
  for (const file of [...filesUnder(unitsDir), ...filesUnder(platformDir)]) {
    const from = unitOf(unitsDir, file);
    for (const spec of importsOf(file)) {
      const target = path.resolve(path.dirname(file), spec).replace(/\.js$/, '');
      const to = unitOf(unitsDir, target);
      if (!to) continue;
      const where = `${path.relative(root, file)} → ${spec}`;
      if (!from) {
        problems.push(`${area.platform} imports ${area.label} ${to.name}: ${where}`);
        continue;
      }
      if (from.name === to.name) continue;
      if (isTestOrFixtures(file) && isFixturesOf(to)) continue;
      if (!edges.has(from.name)) edges.set(from.name, new Set());
      edges.get(from.name).add(to.name);
      if (!isIndex(to.inner)) {
        reaches += 1;
        problems.push(`${area.label} ${from.name} reaches into ${to.name}/${to.inner} (import its index): ${where}`);
      }
    }
  }
  const cycles = stronglyConnected(edges).filter((component) => component.length > 1);
  for (const cycle of cycles) problems.push(`${area.label} cycle: ${cycle.sort().join(' ↔ ')}`);
  counts[area.label] = { reaches, cycles: cycles.length };
}

/** Tarjan's algorithm: every component of more than one unit is a cycle. */
function stronglyConnected(edges) {
  const indexOf = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const components = [];
  let next = 0;
  const visit = (node) => {
    indexOf.set(node, next);
    low.set(node, next);
    next += 1;
    stack.push(node);
    onStack.add(node);
    for (const target of edges.get(node) ?? []) {
      if (!indexOf.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node), low.get(target)));
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node), indexOf.get(target)));
      }
    }
    if (low.get(node) === indexOf.get(node)) {
      const component = [];
      let member;
      do {
        member = stack.pop();
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      components.push(component);
    }
  };
  for (const node of edges.keys()) if (!indexOf.has(node)) visit(node);
  return components;
}

if (process.argv.includes('--counts')) console.log(JSON.stringify(counts));
if (problems.length > 0) {
  console.error(problems.join('\n'));
  console.error(`\n${problems.length} boundary problem(s); see docs/architecture.md, "Boundaries".`);
  process.exit(1);
}
