/**
 * What stays of a call once it ended: the caller's survey score ({@code survey} FastAGI script,
 * {@link com.callportrait.records.SurveyScript}), and the interaction records that keep portraits
 * fresh. {@link com.callportrait.records.InteractionRecorder} turns an ended live call, a survey
 * score or a disposition into one record, accepts it once it is fsync'd to the local spool
 * ({@code records.spool}), and {@link com.callportrait.records.RecordAppender} appends it exactly
 * once to the {@code cp:interactions:{p}} streams (idempotent by record id; replayed from the spool
 * after a restart); {@link com.callportrait.records.InteractionConsumer} reads them with a consumer
 * group, applies the portrait engine's {@code LiveUpdater}, saves the portrait, then acknowledges.
 * {@link com.callportrait.records.ProfileFreshness} is this stage as the application starts it.
 */
package com.callportrait.records;
