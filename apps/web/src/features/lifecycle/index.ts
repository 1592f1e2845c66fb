export { CustomerTimeline } from './CustomerTimeline';
export { StageBar } from './StageBar';
