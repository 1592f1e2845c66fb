export { OwnershipActions } from './OwnershipActions';
export { ownershipKeys, useOwnershipEvents } from './ownership.queries';
