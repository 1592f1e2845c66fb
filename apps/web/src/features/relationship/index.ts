export { RelationshipCard } from './RelationshipCard';
export { RelationshipSummaryCard } from './RelationshipSummaryCard';
