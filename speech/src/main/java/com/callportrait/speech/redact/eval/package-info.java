/**
 * Measuring a redactor: {@link com.callportrait.speech.redact.eval.RedactionScore} scores it on a
 * labelled set ({@code text TAB types TAB secrets}) and
 * {@link com.callportrait.speech.redact.eval.SpokenPiiSet} generates a seeded set of personal data
 * as callers say it. Used by the redaction tests and the redaction benchmark; nothing on the live
 * path depends on this package.
 */
package com.callportrait.speech.redact.eval;
