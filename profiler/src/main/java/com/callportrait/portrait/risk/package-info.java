/**
 * Scores: complaint-risk probability (Tribuo logistic regression trained on a time split, Platt
 * calibrated, compared by AUC with the "complained before" baseline), the same calibrated classifier
 * for churn risk explained in words ({@link com.callportrait.portrait.risk.ChurnExplanation}),
 * next-contact prediction ({@link com.callportrait.portrait.risk.NextContactModel}: contact within
 * 7 / 30 days and its likely topic), reliability bins for calibration checks, and the rule-based
 * value and loyalty scores ({@link ValueScorer}).
 */
package com.callportrait.portrait.risk;
