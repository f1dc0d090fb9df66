package com.callportrait.portrait.risk;

import com.callportrait.portrait.features.Preprocessor;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * The likely topic of a customer's next contact: Tribuo multinomial logistic regression over
 * preprocessed features (recency of each topic, open cases, late bills). Immutable and thread-safe.
 *
 * @param model  the Tribuo model, one label per topic
 * @param pre    preprocessing fitted on the training population
 * @param inputs the model's features, in order
 */
public record ContactReasonModel(Model<Label> model, Preprocessor pre, List<String> inputs) {
    /** A topic with its probability. */
    public record Reason(String topic, double probability) { }

    public ContactReasonModel {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(pre, "pre");
        inputs = List.copyOf(inputs);
    }

    /** The topics, most likely first, for processed inputs. */
    public List<Reason> rank(double[] processedInputs) {
        var p = model.predict(new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, inputs.toArray(String[]::new),
                processedInputs));
        List<Reason> out = new ArrayList<>();
        p.getOutputScores().forEach((k, v) -> out.add(new Reason(k, v.getScore())));
        out.sort(Comparator.comparingDouble((Reason r) -> -r.probability()).thenComparing(Reason::topic));
        return out;
    }

    /** The most likely topic from raw features in rule order. */
    public Reason top(double[] raw) {
        return rank(pre.select(pre.apply(raw), inputs)).get(0);
    }

    /**
     * Trains on processed inputs labelled with the topic of the next contact. Deterministic for a
     * fixed seed.
     */
    public static ContactReasonModel train(Preprocessor pre, List<String> inputs, List<double[]> x, List<String> topics,
                                           long seed, int epochs) {
        if (x.size() != topics.size() || x.isEmpty()) {
            throw new IllegalArgumentException("one topic per row, at least one row");
        }
        String[] names = inputs.toArray(String[]::new);
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> ds = new MutableDataset<>(new SimpleDataSourceProvenance(
                "customer histories, time split, topic of the next contact",
                OffsetDateTime.parse("2000-01-01T00:00Z"), factory), factory);
        for (int i = 0; i < x.size(); i++) {
            ds.add(new ArrayExample<>(new Label(topics.get(i)), names, x.get(i)));
        }
        Model<Label> m = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.1, 0.1), epochs, Integer.MAX_VALUE, 1,
                seed).train(ds);
        return new ContactReasonModel(m, pre, inputs);
    }
}
