/**
 * An in-memory {@link com.callportrait.profile.ProfileStore} for unit tests of other modules: same
 * normalisation and index rules as the Redis store, no persistence.
 */
package com.callportrait.profile.memory;
