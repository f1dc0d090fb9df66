/**
 * The portrait engine: {@link HistoryIngest} folds cleaned records into per-customer histories,
 * {@link ModelTraining} trains the models, {@link PortraitBuilder} turns a history into a
 * {@link com.callportrait.profile.CustomerProfile}, {@link BatchBuild} runs everything from all
 * sources with progress hooks, {@link LiveUpdater} updates one customer after one call, and
 * {@link ModelRegistry} keeps model versions behind an evaluation gate ({@link OutlookTraining} and
 * {@link OutlookGate} do the same for churn risk and next contact). {@link PortraitConfig} is
 * everything the engine is configured with, read once at start-up.
 */
package com.callportrait.portrait.engine;
