/**
 * Live events to the Redis stream {@code cp:events}: {@link com.callportrait.events.CallEvent}
 * (type route, later transcript, emotion, action, screenpop, feedback) and the
 * {@link com.callportrait.events.EventWriter}, which appends them off the call path through a
 * bounded buffer, with counted drops and retries, so a slow or dead Redis never blocks a call.
 */
package com.callportrait.events;
