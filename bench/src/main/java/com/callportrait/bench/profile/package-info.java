/**
 * The profile read on the routing path ({@code profile-read}): lookups against a real Redis.
 */
package com.callportrait.bench.profile;
