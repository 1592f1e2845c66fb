export { createEventBus } from './event-bus.js';
export type { DomainEvent, DomainEventPayloads, DomainEventType, EventBus, EventHandler } from './event-bus.js';
