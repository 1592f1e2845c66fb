/** The demo organization (示例科技有限公司): its people and customers, then every module's demo seed. */
export { DEMO_LOGINS, DEMO_ORG_NAME, DEMO_PASSWORD, seedDemoOrganization } from './demo-seed.js';
