export { useFollowUpTimeline } from './FollowUpPanel';
export { LeadFollowUps } from './LeadFollowUps';
export { useFollowUpTypeLabel } from './useFollowUpTypeLabel';
export { OpportunityFollowUps } from './OpportunityFollowUps';
export { FollowUpFormModal } from './FollowUpFormModal';
