/**
 * Keeping portraits fresh after each call (issue 4 item 5, issue 5 item 5): {@link
 * com.callportrait.records.InteractionRecorder} turns an ended live call into one interaction record
 * (and later survey scores / dispositions into feedback records), accepts each once it is fsync'd
 * to the local spool ({@link com.callportrait.records.spool.Journal}), and {@link
 * com.callportrait.records.RecordAppender} appends it exactly once to the {@code cp:interactions:{p}}
 * streams (idempotent by record id; replayed from the spool after a restart); {@link com.callportrait.records.InteractionConsumer} reads them with a consumer group,
 * applies the portrait engine's {@code LiveUpdater} and saves the portrait, then acknowledges;
 * {@link com.callportrait.records.ProfileFreshness} owns both and their threads.
 */
package com.callportrait.records;
