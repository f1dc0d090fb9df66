package com.callportrait.portrait.segment;

import com.callportrait.portrait.features.Preprocessor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tribuo.Prediction;
import org.tribuo.clustering.ClusterID;
import org.tribuo.clustering.ClusteringFactory;
import org.tribuo.clustering.kmeans.KMeansModel;
import org.tribuo.impl.ArrayExample;

/**
 * A trained segmentation: the Tribuo K-means model, the preprocessing it was trained after, the
 * operator name of each cluster and the silhouettes measured when choosing k. Immutable;
 * thread-safe (Tribuo models are safe for concurrent prediction).
 *
 * @param model       the Tribuo model
 * @param pre         preprocessing fitted on the training population
 * @param inputs      the model's features, in order
 * @param names       operator name per cluster id
 * @param centroids   centroid per cluster id, in z-scores over {@code inputs}
 * @param sizes       training customers per cluster id
 * @param silhouettes k to silhouette measured on a sample
 */
public record SegmentModel(KMeansModel model, Preprocessor pre, List<String> inputs, List<String> names,
                           double[][] centroids, long[] sizes, Map<Integer, Double> silhouettes) {
    /** A customer's segment with the reason an agent can read. */
    public record Assignment(int cluster, String name, String explanation) { }

    public SegmentModel {
        Objects.requireNonNull(model, "model");
        inputs = List.copyOf(inputs);
        names = List.copyOf(names);
        silhouettes = Map.copyOf(silhouettes);
    }

    public int k() {
        return names.size();
    }

    public double silhouette() {
        return silhouettes.getOrDefault(k(), Double.NaN);
    }

    /** Assigns a customer from raw (unprocessed) features in rule order. */
    public Assignment assign(double[] raw) {
        double[] x = pre.select(pre.apply(raw), inputs);
        Prediction<ClusterID> p = model.predict(new ArrayExample<>(ClusteringFactory.UNASSIGNED_CLUSTER_ID,
                inputs.toArray(String[]::new), x));
        int c = p.getOutput().getID();
        // the two inputs on which this cluster's centroid stands furthest from average
        List<Integer> idx = new ArrayList<>();
        for (int j = 0; j < inputs.size(); j++) {
            idx.add(j);
        }
        idx.sort(Comparator.comparingDouble(j -> -Math.abs(centroids[c][j])));
        StringBuilder why = new StringBuilder("model kmeans k=" + k() + " cluster " + c + " (");
        for (int t = 0; t < Math.min(2, idx.size()); t++) {
            int j = idx.get(t);
            why.append(t > 0 ? ", " : "").append(inputs.get(j)).append(centroids[c][j] >= 0 ? " high" : " low")
                    .append(" z=").append(String.format("%.1f", centroids[c][j]))
                    .append(" you=").append(String.format("%.1f", x[j]));
        }
        return new Assignment(c, names.get(c), why.append(')').toString());
    }
}
