export { useFollowUpTimeline } from './FollowUpPanel';
export { LeadFollowUps } from './LeadFollowUps';
export { toBase64 } from './followUps.queries';
export { useFollowUpTypeLabel } from './useFollowUpTypeLabel';
