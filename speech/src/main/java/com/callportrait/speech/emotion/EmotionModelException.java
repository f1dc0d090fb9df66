package com.callportrait.speech.emotion;

/** The emotion model could not be loaded or is not the model this code expects. */
public class EmotionModelException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EmotionModelException(String message) {
        super(message);
    }

    public EmotionModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
