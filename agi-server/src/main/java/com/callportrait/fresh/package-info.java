/**
 * Keeping portraits fresh after each call (issue 4 item 5, issue 5 item 5): {@link
 * com.callportrait.fresh.InteractionRecorder} turns an ended live call into one interaction record
 * (and later survey scores / dispositions into feedback records) on the {@code cp:interactions:{p}}
 * streams; {@link com.callportrait.fresh.InteractionConsumer} reads them with a consumer group,
 * applies the portrait engine's {@code LiveUpdater} and saves the portrait, then acknowledges;
 * {@link com.callportrait.fresh.ProfileFreshness} owns both and their threads.
 */
package com.callportrait.fresh;
