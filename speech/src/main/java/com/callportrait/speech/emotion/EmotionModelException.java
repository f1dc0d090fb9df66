package com.callportrait.speech.emotion;

import com.callportrait.speech.SpeechException;

/**
 * The emotion model could not be loaded or is not the model this code expects. Immutable; so are
 * its subclasses.
 */
public class EmotionModelException extends SpeechException {
    private static final long serialVersionUID = 1L;

    public EmotionModelException(String message) {
        super(message);
    }

    public EmotionModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
