/**
 * Benchmarks of the forward-looking models ({@code churn}, {@code next-contact}): held-out AUC,
 * Brier score and reliability bins against simple baselines, on generated customers split by time
 * and by customer.
 */
package com.callportrait.bench.outlook;
