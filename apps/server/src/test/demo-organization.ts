/**
 * The demo organization for module tests of demo records. Tests reach it through here: the demo
 * seed iterates the module registry, so a module importing it would close a cycle with itself.
 */
export { DEMO_PASSWORD, seedDemoOrganization } from '../modules/demo/index.js';
