// Module boundaries as lint rules (docs/architecture.md, "Boundaries"), so the editor flags a reach
// as it is typed. `scripts/check-boundaries.mjs`, run by `npm run lint` after ESLint, checks the same
// and also what these patterns cannot see: cycles between modules, and dynamic import().
// Modules and features are flat folders, so from one of their files `../<other>/…` is another unit.

/** `../<other>/<file>`, except `../<other>/index…` (and `../../…`, which leaves the units). */
const reach = (extensions) => `^\\.\\./(?!\\.\\.?/)([^/]+)/(?!index(\\.(${extensions}))?$)`;
const serverReach = reach('js|ts');
const webReach = reach('ts|tsx');

const moduleReach = {
  regex: `${serverReach}.`,
  message: "A module uses another only through its index.ts: import '../<module>/index.js'.",
};
// A test may import another module's `<module>.fixtures.ts`; the backreference is that module's name.
const moduleReachFromTest = {
  regex: `${serverReach}(?!\\1\\.fixtures(\\.(js|ts))?$).`,
  message: "A test uses another module through its index.ts or its '<module>.fixtures.js'.",
};

const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default [
  {
    files: ['apps/server/src/modules/*/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: restrict(moduleReach),
  },
  {
    files: ['apps/server/src/modules/*/*.test.ts'],
    rules: restrict(moduleReachFromTest),
  },
  {
    files: ['apps/server/src/platform/**/*.ts'],
    rules: restrict({
      regex: '^(\\.\\./)+modules(/|$)',
      message: 'platform/ never imports a module: move what both need into platform/ or packages/contract.',
    }),
  },
  {
    files: ['apps/web/src/features/*/*.{ts,tsx}'],
    rules: restrict({
      regex: `${webReach}.`,
      message: "A feature uses another only through its index.ts: import '../<feature>'.",
    }),
  },
  {
    files: ['apps/web/src/platform/**/*.{ts,tsx}'],
    rules: restrict({
      regex: '^(\\.\\./)+features(/|$)',
      message: 'platform/ never imports a feature: move what features share into platform/.',
    }),
  },
];
