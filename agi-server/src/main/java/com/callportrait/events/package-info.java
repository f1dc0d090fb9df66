/**
 * Call events on the Redis stream {@code cp:events}, the record every later stage writes into:
 * {@link com.callportrait.events.CallEvent} (types route, transcript, emotion, action, screenpop,
 * feedback) and the {@link com.callportrait.events.EventWriter}, which appends them off the call
 * path through a bounded buffer, with counted drops and retries, so a slow or dead Redis never
 * blocks a call. The lowest stage: it imports no other package of the application.
 */
package com.callportrait.events;
