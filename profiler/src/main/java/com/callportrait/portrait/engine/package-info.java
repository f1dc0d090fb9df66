/**
 * The portrait engine: {@link HistoryIngest} folds cleaned records into per-customer histories,
 * {@link ModelTraining} trains the models, {@link PortraitBuilder} turns a history into a
 * {@link com.callportrait.profile.CustomerProfile}, {@link BatchBuild} runs everything from all
 * sources with progress hooks, {@link LiveUpdater} updates one customer after one call, and
 * {@link ModelRegistry} keeps model versions behind an evaluation gate.
 */
package com.callportrait.portrait.engine;
