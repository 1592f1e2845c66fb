export { ActiveUserSelect } from './ActiveUserSelect';
export { useUserChoices } from './users.queries';
