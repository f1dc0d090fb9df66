/**
 * An in-memory {@link com.callportrait.profile.ProfileStore}: same normalisation and index rules as
 * the Redis store, no persistence. Used by unit tests of other modules and by a profile build that
 * does not save.
 */
package com.callportrait.profile.memory;
