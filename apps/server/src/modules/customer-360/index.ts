/** The customer page as the 360° work view (issue 14 item 6): header numbers, business events, files. */
import { defineModule } from '../../platform/module-kit/module-definition.js';
import { customer360Routes } from './customer-360.routes.js';

export const customer360Module = defineModule({
  name: 'customer-360',
  routes: customer360Routes,
});
