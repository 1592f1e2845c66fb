export { useRoles } from './roles.queries';
