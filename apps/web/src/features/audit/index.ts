export { AuditChangeList } from './AuditChangeList';
export { useAuditText } from './useAuditText';
