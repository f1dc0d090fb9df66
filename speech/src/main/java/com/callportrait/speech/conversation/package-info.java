/**
 * Two-party conversation measures of one call whose caller and agent legs are both transcribed:
 * who spoke when, talk-over (both at once) and silence (neither), from the word timings of the
 * final transcripts on the call's common time line. Pure arithmetic: no threads, no I/O.
 */
package com.callportrait.speech.conversation;
