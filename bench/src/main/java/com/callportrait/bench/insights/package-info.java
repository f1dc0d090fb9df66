/**
 * The {@code insights} benchmark: agent groups (bootstrap stability, held-out separation), association
 * rules (held-out lift and confidence), demand heat (held-out ranking) and the hourly call forecast
 * (held-out MAE/MAPE), each against a simple baseline, on generated data with a time split.
 */
package com.callportrait.bench.insights;
