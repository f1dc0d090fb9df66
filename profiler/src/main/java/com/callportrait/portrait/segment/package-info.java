/**
 * Segments: Tribuo K-means over the preprocessed segment features, k chosen by silhouette
 * ({@link SegmentTrainer}), clusters named in operator words from their centroids
 * ({@code segments.yaml}), and {@link SegmentModel} assigning a customer to a named segment.
 */
package com.callportrait.portrait.segment;
