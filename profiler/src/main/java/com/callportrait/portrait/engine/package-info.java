/**
 * The portrait engine: {@link HistoryIngest} folds cleaned records into per-customer histories
 * ({@link HistoryStore} in memory; {@link HistoryRepository} is what the live path keeps them in,
 * in memory or shared in Redis by {@code portrait.history}),
 * {@link ModelTraining} trains the models, {@link PortraitBuilder} turns a history into a
 * {@link com.callportrait.profile.CustomerProfile}, {@link BatchBuild} runs everything from all
 * sources in memory with progress hooks (the demo and the server, whose live updater keeps every
 * history), {@link StreamingBuild} does the same for a base of any size in bounded memory (spilled
 * by customer, finished customers handed to a {@link PortraitSink}; {@code profile build}),
 * {@link ConsoleProgress} draws a build's progress, {@link LiveUpdater} updates one customer after one call, and
 * {@link ModelRegistry} keeps model versions behind an evaluation gate ({@link OutlookTraining} and
 * {@link OutlookGate} do the same for churn risk and next contact). {@link PortraitConfig} is
 * everything the engine is configured with, read once at start-up.
 */
package com.callportrait.portrait.engine;
