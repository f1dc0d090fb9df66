/**
 * The customer profile: the records routing and agents read ({@link CustomerProfile} and its
 * parts), the {@link ProfileStore} contract, and the one rule that normalises phone numbers
 * ({@link PhoneNumbers}). Implementations live in sub-packages ({@code .redis}, {@code .memory}).
 */
package com.callportrait.profile;
