export { newEvent, encodeEvent, decodeEvent, payloadOf, eventTypes, type EventCase, type EventEnvelope, type EventPayload, type EventType, type NewEvent } from "./envelope.js";
export { subjectFor, streamFor, regionSubjects } from "./subjects.js";
export { connectBus, busReady, isNotFound, type Bus, type BusOptions } from "./bus.js";
export { eventsInsertSql, recordEvents } from "./outbox.js";
export { OutboxRelay, type OutboxRelayOptions } from "./relay.js";
export { EventConsumer, type BatchEventHandler, type ConsumerOptions, type EventHandler } from "./consumer.js";
