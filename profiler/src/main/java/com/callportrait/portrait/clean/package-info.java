/**
 * Cleaning between collection and the engine: duplicate records by source id, missing values,
 * impossible values (negative durations, future dates, surveys outside 1-5) and phone / label
 * normalisation, every action counted in a {@link CleaningReport}.
 */
package com.callportrait.portrait.clean;
