/**
 * Training and evaluation of the text emotion models: the call-centre grammar generator and data
 * reader, the call-centre trainer (mood and escalation, cross-fitted calibration, fixed seed), the
 * GoEmotions reader and general-model trainer (train split only, calibration on held-out train
 * rows), and the metrics of both. Runs offline, never in the live path.
 */
package com.callportrait.speech.emotion.train;
