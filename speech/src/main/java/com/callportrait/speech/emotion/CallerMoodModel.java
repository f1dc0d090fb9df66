package com.callportrait.speech.emotion;

import com.callportrait.speech.emotion.internal.CallTextFeatures;
import com.callportrait.speech.emotion.internal.CallerMoodCalibration;
import com.callportrait.speech.emotion.internal.MoodMath;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.provenance.ModelProvenance;

/**
 * The call-centre text model: what a caller says to an agent, as the recogniser writes it (lower
 * case, no punctuation, misrecognised words), read as one of the four caller moods with a
 * calibrated confidence, plus the probability that the caller is escalating (asks for a manager,
 * threatens to cancel or switch, to complain formally, to go to a regulator, a lawyer or the press).
 *
 * <p>Two Tribuo linear models (multinomial logistic regression) over {@link CallTextFeatures}: word
 * and character n-grams, negation, lexicon, the escalation words found by a recognition-error
 * tolerant matcher, and, stacked, the class probabilities of the general sentiment model
 * ({@link TextEmotionModel}, trained on GoEmotions). Each has a softmax temperature fitted on data
 * held out of training ({@link CallerMoodCalibration}).
 *
 * <p>Immutable and thread-safe (Tribuo models are safe for concurrent prediction). Load once per
 * process with {@link #load()} and share.
 */
public final class CallerMoodModel {

    /** Classpath location of the mood model (Tribuo protobuf, gzipped). */
    public static final String MOOD_RESOURCE = "emotion/callcentre-mood.tribuo.gz";
    /** Classpath location of the escalation model (Tribuo protobuf, gzipped). */
    public static final String ESCALATION_RESOURCE = "emotion/callcentre-escalation.tribuo.gz";
    /** Classpath location of the calibration and training provenance (JSON). */
    public static final String CALIBRATION_RESOURCE = "emotion/callcentre.json";
    /** Label of an escalating utterance in the escalation model. */
    public static final String ESCALATION = "escalation";
    /** Label of any other utterance in the escalation model. */
    public static final String NO_ESCALATION = "none";

    /** Arousal of each mood, by {@link EmotionLabel#ordinal()} (calm 0, agitated 1). */
    private static final double[] MOOD_AROUSAL = {0.85, 0.6, 0.2, 0.4};

    private static volatile CallerMoodModel shared;

    private final TextEmotionModel general;
    private final Model<Label> mood;
    private final Model<Label> escalation;
    private final CallerMoodCalibration calibration;
    private final CallTextFeatures features;

    private CallerMoodModel(TextEmotionModel general, Model<Label> mood, Model<Label> escalation,
            CallerMoodCalibration calibration) {
        this.general = Objects.requireNonNull(general, "general");
        this.mood = Objects.requireNonNull(mood, "mood");
        this.escalation = Objects.requireNonNull(escalation, "escalation");
        this.calibration = Objects.requireNonNull(calibration, "calibration");
        this.features = new CallTextFeatures(general.extractor());
        for (EmotionLabel l : EmotionLabel.values()) {
            if (mood.getOutputIDInfo().getID(new Label(l.wireName())) < 0) {
                throw new EmotionModelException("mood model has no class " + l.wireName());
            }
        }
        if (escalation.getOutputIDInfo().getID(new Label(ESCALATION)) < 0) {
            throw new EmotionModelException("escalation model has no class " + ESCALATION);
        }
    }

    /** Wraps trained models (used by the trainer before it writes the files). */
    public static CallerMoodModel of(TextEmotionModel general, Model<Label> mood, Model<Label> escalation,
            CallerMoodCalibration calibration) {
        return new CallerMoodModel(general, mood, escalation, calibration);
    }

    /** The bundled model over the bundled general model, loaded once per process. */
    public static CallerMoodModel load() {
        CallerMoodModel m = shared;
        if (m == null) {
            synchronized (CallerMoodModel.class) {
                m = shared;
                if (m == null) {
                    m = load(TextEmotionModel.load());
                    shared = m;
                }
            }
        }
        return m;
    }

    /** The bundled call-centre models stacked on {@code general} (which must be the bundled one to be meaningful). */
    public static CallerMoodModel load(TextEmotionModel general) {
        if (shared != null && shared.general == general) {
            return shared;
        }
        ClassLoader cl = CallerMoodModel.class.getClassLoader();
        try (InputStream moodIn = cl.getResourceAsStream(MOOD_RESOURCE);
             InputStream escIn = cl.getResourceAsStream(ESCALATION_RESOURCE);
             InputStream calIn = cl.getResourceAsStream(CALIBRATION_RESOURCE)) {
            if (moodIn == null || escIn == null || calIn == null) {
                throw new EmotionModelException(MOOD_RESOURCE + ", " + ESCALATION_RESOURCE + " or "
                        + CALIBRATION_RESOURCE + " missing from the classpath");
            }
            CallerMoodCalibration cal = new ObjectMapper().readValue(calIn, CallerMoodCalibration.class);
            return of(general, read(moodIn, MOOD_RESOURCE), read(escIn, ESCALATION_RESOURCE), cal);
        } catch (IOException e) {
            throw new EmotionModelException("cannot read the call-centre emotion model", e);
        }
    }

    private static Model<Label> read(InputStream in, String name) throws IOException {
        Model<?> raw = Model.deserializeFromStream(new GZIPInputStream(in));
        if (!raw.validate(Label.class)) {
            throw new EmotionModelException(name + " is not a classification model");
        }
        @SuppressWarnings("unchecked")
        Model<Label> model = (Model<Label>) raw;
        return model;
    }

    /** All model features of {@code text}, with the general model's reading of it. */
    public Featured featurise(String text) {
        String t = text == null ? "" : text;
        Map<String, Double> words = features.wordFeatures(t);
        TextEmotion g = general.predictFeatures(words);
        return new Featured(features.extract(t, words, g.classProbabilities()), g);
    }

    /**
     * The features of one utterance and the general model's reading of it. Immutable.
     *
     * @param features the model input
     * @param general  the general sentiment model's reading
     */
    public record Featured(Map<String, Double> features, TextEmotion general) {
    }

    /** Scores one utterance from its words. */
    public CallerMood predict(String text) {
        Featured f = featurise(text);
        double[] p = MoodMath.softmax(moodLogits(f.features()), calibration.moodTemperature());
        double esc = escalationProbability(f.features());
        EmotionLabel label = EmotionLabel.NEUTRAL;
        for (EmotionLabel l : EmotionLabel.values()) {
            if (p[l.ordinal()] > p[label.ordinal()]) {
                label = l;
            }
        }
        double pAngry = p[EmotionLabel.ANGRY.ordinal()];
        double pFrustrated = p[EmotionLabel.FRUSTRATED.ordinal()];
        double pSatisfied = p[EmotionLabel.SATISFIED.ordinal()];
        double lexNet = f.features().getOrDefault("lex:net", 0.0);
        double valence = 0.85 * (pSatisfied - pAngry - 0.6 * pFrustrated) + 0.15 * lexNet;
        double arousal = 0;
        for (EmotionLabel l : EmotionLabel.values()) {
            arousal += p[l.ordinal()] * MOOD_AROUSAL[l.ordinal()];
        }
        arousal += 0.1 * esc + 0.15 * f.features().getOrDefault("sty:excl", 0.0)
                + 0.15 * f.features().getOrDefault("sty:caps", 0.0);
        EmotionReading reading = new EmotionReading(label, MoodMath.clamp(valence, -1, 1),
                MoodMath.clamp(arousal, 0, 1), MoodMath.clamp(p[label.ordinal()], 0, 1), MoodMath.clamp(esc, 0, 1));
        return new CallerMood(p, esc, f.general(), reading);
    }

    /** Raw mood scores (log-probabilities), by {@link EmotionLabel#ordinal()}. */
    public double[] moodLogits(Map<String, Double> features) {
        Prediction<Label> prediction = mood.predict(TextEmotionModel.toExample(features, LabelFactory.UNKNOWN_LABEL));
        double[] logits = new double[EmotionLabel.values().length];
        for (Map.Entry<String, Label> e : prediction.getOutputScores().entrySet()) {
            logits[EmotionLabel.valueOf(e.getKey().toUpperCase(java.util.Locale.ROOT)).ordinal()] =
                    logit(mood, e.getValue().getScore());
        }
        return logits;
    }

    /** Raw escalation scores {none, escalation} (log-probabilities). */
    public double[] escalationLogits(Map<String, Double> features) {
        Prediction<Label> prediction = escalation.predict(
                TextEmotionModel.toExample(features, LabelFactory.UNKNOWN_LABEL));
        double[] logits = new double[2];
        for (Map.Entry<String, Label> e : prediction.getOutputScores().entrySet()) {
            logits[ESCALATION.equals(e.getKey()) ? 1 : 0] = logit(escalation, e.getValue().getScore());
        }
        return logits;
    }

    /** Calibrated probability that {@code features} are an escalation. */
    public double escalationProbability(Map<String, Double> features) {
        return MoodMath.softmax(escalationLogits(features), calibration.escalationTemperature())[1];
    }

    private static double logit(Model<Label> m, double score) {
        return m.generatesProbabilities() ? Math.log(Math.max(score, 1e-12)) : score;
    }

    /** The general sentiment model this one is stacked on. */
    public TextEmotionModel general() {
        return general;
    }

    /** Version, date, temperatures and training provenance. */
    public CallerMoodCalibration calibration() {
        return calibration;
    }

    /** Tribuo provenance of the mood model. */
    public ModelProvenance moodProvenance() {
        return mood.getProvenance();
    }

    /** Tribuo provenance of the escalation model. */
    public ModelProvenance escalationProvenance() {
        return escalation.getProvenance();
    }
}
