package com.callportrait.speech.emotion;

import com.callportrait.speech.emotion.internal.MoodMath;
import com.callportrait.speech.emotion.internal.SentimentLexicon;
import com.callportrait.speech.emotion.internal.TextFeatureExtractor;
import com.callportrait.speech.emotion.internal.TextModelCalibration;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.ModelProvenance;

/**
 * The text half of emotion scoring: a Tribuo linear model over word n-gram, negation, lexicon and
 * style features ({@link TextFeatureExtractor}), predicting five {@link TextClass}es, plus the
 * calibration fitted on held-out training data. Gives the sentiment group, the caller mood,
 * valence, arousal and a calibrated confidence of one utterance.
 *
 * <p>Immutable and thread-safe (Tribuo models are safe for concurrent prediction). Load once per
 * process with {@link #load()} (about a second) and share.
 */
public final class TextEmotionModel {

    /** Classpath location of the model (Tribuo protobuf, gzipped). */
    public static final String MODEL_RESOURCE = "emotion/caller-mood.tribuo.gz";
    /** Classpath location of the calibration and version (JSON). */
    public static final String CALIBRATION_RESOURCE = "emotion/caller-mood.json";

    /** Arousal of each class, from the circumplex placement of its emotions (calm 0, agitated 1). */
    private static final double[] CLASS_AROUSAL = {0.45, 0.85, 0.5, 0.4, 0.15};

    private static volatile TextEmotionModel shared;

    private final Model<Label> model;
    private final TextModelCalibration calibration;
    private final TextFeatureExtractor extractor;
    private final double[] bias;

    private TextEmotionModel(Model<Label> model, TextModelCalibration calibration,
            TextFeatureExtractor extractor) {
        this.model = model;
        this.calibration = calibration;
        this.extractor = extractor;
        this.bias = MoodMath.biasArray(calibration);
        for (TextClass c : TextClass.values()) {
            if (model.getOutputIDInfo().getID(new Label(c.wireName())) < 0) {
                throw new EmotionModelException("model has no class " + c.wireName());
            }
        }
    }

    /** Wraps a trained model (used by the trainer before it writes the files). */
    public static TextEmotionModel of(Model<Label> model, TextModelCalibration calibration) {
        return new TextEmotionModel(Objects.requireNonNull(model), Objects.requireNonNull(calibration),
                newExtractor());
    }

    /** The feature extractor every model of this version uses. */
    public static TextFeatureExtractor newExtractor() {
        return new TextFeatureExtractor(SentimentLexicon.shared(), true);
    }

    /** The bundled model, loaded once per process. */
    public static TextEmotionModel load() {
        TextEmotionModel m = shared;
        if (m == null) {
            synchronized (TextEmotionModel.class) {
                m = shared;
                if (m == null) {
                    m = loadFromClasspath();
                    shared = m;
                }
            }
        }
        return m;
    }

    private static TextEmotionModel loadFromClasspath() {
        ClassLoader cl = TextEmotionModel.class.getClassLoader();
        try (InputStream modelIn = cl.getResourceAsStream(MODEL_RESOURCE);
             InputStream calIn = cl.getResourceAsStream(CALIBRATION_RESOURCE)) {
            if (modelIn == null || calIn == null) {
                throw new EmotionModelException(MODEL_RESOURCE + " or " + CALIBRATION_RESOURCE
                        + " missing from the classpath");
            }
            Model<?> raw = Model.deserializeFromStream(new GZIPInputStream(modelIn));
            if (!raw.validate(Label.class)) {
                throw new EmotionModelException(MODEL_RESOURCE + " is not a classification model");
            }
            @SuppressWarnings("unchecked")
            Model<Label> model = (Model<Label>) raw;
            TextModelCalibration cal = new ObjectMapper().readValue(calIn, TextModelCalibration.class);
            return of(model, cal);
        } catch (IOException e) {
            throw new EmotionModelException("cannot read the emotion model", e);
        }
    }

    /** Scores one utterance from its words. */
    public TextEmotion predict(String text) {
        return predictFeatures(extractor.extract(text == null ? "" : text));
    }

    /** Scores one utterance from its {@link #extractor()} features. */
    public TextEmotion predictFeatures(Map<String, Double> features) {
        double[] p = MoodMath.softmax(logits(features), calibration.temperature());
        double[] g = MoodMath.groupProbabilities(p);
        SentimentGroup group = MoodMath.decide(g, bias);
        double pAnger = p[TextClass.ANGER.ordinal()];
        double pDistress = p[TextClass.DISTRESS.ordinal()];
        EmotionLabel label = group.mood(pAnger, pDistress);
        double confidence = switch (label) {
            case SATISFIED -> g[SentimentGroup.POSITIVE.ordinal()];
            case ANGRY -> pAnger;
            case FRUSTRATED -> pDistress;
            case NEUTRAL -> g[SentimentGroup.NEUTRAL.ordinal()] + g[SentimentGroup.AMBIGUOUS.ordinal()];
        };
        double lexNet = features.getOrDefault("lex:net", 0.0);
        double valence = 0.8 * (g[SentimentGroup.POSITIVE.ordinal()] - g[SentimentGroup.NEGATIVE.ordinal()])
                + 0.2 * lexNet;
        double arousal = 0;
        for (int i = 0; i < p.length; i++) {
            arousal += p[i] * CLASS_AROUSAL[i];
        }
        arousal += 0.15 * features.getOrDefault("sty:excl", 0.0) + 0.15 * features.getOrDefault("sty:caps", 0.0);
        EmotionReading reading = new EmotionReading(label, MoodMath.clamp(valence, -1, 1),
                MoodMath.clamp(arousal, 0, 1), MoodMath.clamp(confidence, 0, 1));
        return new TextEmotion(group, g, p, reading);
    }

    /** Raw per-class scores (log-probabilities), indexed by {@link TextClass#ordinal()}. */
    public double[] logits(Map<String, Double> features) {
        Prediction<Label> prediction = model.predict(toExample(features, LabelFactory.UNKNOWN_LABEL));
        double[] logits = new double[TextClass.values().length];
        for (Map.Entry<String, Label> e : prediction.getOutputScores().entrySet()) {
            double s = e.getValue().getScore();
            logits[TextClass.ofWireName(e.getKey()).ordinal()] =
                    model.generatesProbabilities() ? Math.log(Math.max(s, 1e-12)) : s;
        }
        return logits;
    }

    /** A Tribuo example of {@code features} with output {@code label}. */
    public static Example<Label> toExample(Map<String, Double> features, Label label) {
        String[] names = new String[features.size()];
        double[] values = new double[features.size()];
        int i = 0;
        for (Map.Entry<String, Double> e : features.entrySet()) {
            names[i] = e.getKey();
            values[i++] = e.getValue();
        }
        return new ArrayExample<>(label, names, values);
    }

    /** The extractor this model uses. */
    public TextFeatureExtractor extractor() {
        return extractor;
    }

    /** Tribuo provenance: trainer, its settings and seed, the data source. */
    public ModelProvenance provenance() {
        return model.getProvenance();
    }

    /** Version, date and calibration. */
    public TextModelCalibration calibration() {
        return calibration;
    }

    /** The underlying Tribuo model. */
    public Model<Label> tribuoModel() {
        return model;
    }
}
