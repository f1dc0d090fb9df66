/**
 * Training and evaluation of the text emotion model: GoEmotions reader, the trainer (one
 * reproducible command, fixed seed, train split only), calibration on held-out train rows, and
 * the GoEmotions-style group metrics. Runs offline, never in the live path.
 */
package com.callportrait.speech.emotion.train;
