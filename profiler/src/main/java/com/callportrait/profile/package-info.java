/**
 * The customer profile on the routing hot path: the records routing and agents read
 * ({@link CustomerProfile} and its parts), the {@link ProfileStore} contract, the one rule that
 * normalises phone numbers ({@link PhoneNumbers}, {@link PhoneOptions}) and the module's root
 * exception {@link ProfileException}. Implementations live in sub-packages ({@code .redis},
 * {@code .memory}); customer imports in {@code .imports}. Nothing here or below imports the portrait
 * engine ({@code com.callportrait.portrait}) or Tribuo, so a routing lookup never loads them.
 */
package com.callportrait.profile;
