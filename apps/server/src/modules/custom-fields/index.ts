import { defineModule } from '../../platform/module-kit/module-definition.js';
import { customFieldsMessages } from './custom-fields.messages.js';
import { customFieldsRoutes } from './custom-fields.routes.js';

export { checkCustomFieldValues, customFieldConditions, visibleCustomFieldValues } from './custom-field-values.js';
export { customFieldExportColumns } from './custom-field-export.js';
export { customFieldConditionSql, type CustomFieldCondition } from './custom-fields.repository.js';

/** Custom fields (自定义字段, issue 14) of customers, contacts, opportunities and orders. */
export const customFieldsModule = defineModule({
  name: 'custom-fields',
  messages: customFieldsMessages,
  routes: customFieldsRoutes,
});
