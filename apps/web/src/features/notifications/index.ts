export { NotificationBell } from './NotificationBell';
export { entityPath, todoText } from './noticeText';
export { useMarkTodoDone, useTodos } from './notifications.queries';
