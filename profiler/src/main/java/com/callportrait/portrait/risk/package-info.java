/**
 * Scores: complaint-risk probability (Tribuo logistic regression trained on a time split, Platt
 * calibrated, compared by AUC with the "complained before" baseline) and the rule-based value and
 * loyalty scores ({@link ValueScorer}).
 */
package com.callportrait.portrait.risk;
