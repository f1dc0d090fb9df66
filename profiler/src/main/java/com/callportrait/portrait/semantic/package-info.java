/**
 * Base data with meaning: every interaction text gets a topic ({@link TopicClassifier}, keyword rules
 * from {@code topics.yaml}) and an emotional state (the live reading when present, else
 * {@link EmotionLexicon}); {@link Linker} connects a customer's contacts (repeat contacts on the
 * same topic, escalation chains, emotion turning negative after an event).
 */
package com.callportrait.portrait.semantic;
