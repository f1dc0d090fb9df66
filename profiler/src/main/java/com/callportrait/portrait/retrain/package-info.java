/**
 * Retraining in the running server: a background scheduler ({@link com.callportrait.portrait.retrain.RetrainScheduler})
 * that retrains the portrait models on the records the server received when enough new labelled
 * records arrived or the interval passed, on one low-priority thread paced to a share of one core;
 * a Redis lease ({@link com.callportrait.portrait.retrain.RetrainLease}) so one instance at a time
 * trains; and the published current versions ({@link com.callportrait.portrait.retrain.ModelChannel})
 * every instance picks up without a restart. The evaluation gate and the registry are the engine's
 * ({@link com.callportrait.portrait.engine.ModelMaintainer}).
 */
package com.callportrait.portrait.retrain;
