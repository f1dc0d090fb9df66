/**
 * The rule-based redactor: a lexer with character spans, spoken-number reading, cue words, number
 * classification (Luhn for cards) and spoken e-mail detection. Not a public API: use
 * {@link com.callportrait.speech.redact.Redactors}.
 */
package com.callportrait.speech.redact.internal;
