export { TaskFormDrawer, type TaskRelatedPrefill } from './TaskFormDrawer';
