/**
 * Redaction of personal data (card, phone and national id numbers, e-mail addresses, long digit
 * strings, in written and in spoken form) before any transcript is stored, logged or shown.
 */
package com.callportrait.speech.redact;
