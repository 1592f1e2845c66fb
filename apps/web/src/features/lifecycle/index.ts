export { CustomerTimeline } from './CustomerTimeline';
export { StageBar } from './StageBar';
export { FollowUpCadenceHint } from './FollowUpCadenceHint';
