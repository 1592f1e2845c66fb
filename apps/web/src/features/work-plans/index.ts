export { PlanStatsCard } from './PlanStatsCard';
