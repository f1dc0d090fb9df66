/**
 * Features by rules: {@link CustomerHistory} accumulates what is known about one customer, bounded
 * by {@link HistoryBounds} and stored as {@link HistoryCodec} bytes,
 * {@link FeatureRules} (loaded from the analyst-editable {@code features.yaml}) say which features
 * to compute and how, {@link FeatureExtractor} computes them as of a date, and {@link Preprocessor}
 * applies the explicit missing-value, transform and scaling steps fitted on the population.
 */
package com.callportrait.portrait.features;
