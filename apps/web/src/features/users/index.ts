export { ActiveUserSelect } from './ActiveUserSelect';
export { useColleagues, useUserChoices } from './users.queries';
