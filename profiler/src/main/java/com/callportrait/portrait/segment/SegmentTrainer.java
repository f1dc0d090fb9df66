package com.callportrait.portrait.segment;

import com.callportrait.portrait.features.Preprocessor;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.MutableDataset;
import org.tribuo.clustering.ClusterID;
import org.tribuo.clustering.ClusteringFactory;
import org.tribuo.clustering.kmeans.KMeansModel;
import org.tribuo.clustering.kmeans.KMeansTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.distance.L2Distance;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Trains the segmentation with Tribuo K-means: measures the silhouette of every candidate k on a
 * fixed sample, keeps the configured default k unless another is clearly better, and names the
 * clusters. Deterministic for a fixed seed and input order. Stateless apart from its settings;
 * thread-safe.
 */
public final class SegmentTrainer {
    private static final int SILHOUETTE_SAMPLE = 1000;
    /** Rows used to compare candidate k values; the chosen k is then fitted on every row. */
    private static final int SELECTION_ROWS = 8000;
    private static final java.util.logging.Logger TRIBUO_LOG = quiet();
    private final SegmentNaming naming;
    private final long seed;

    public SegmentTrainer(SegmentNaming naming, long seed) {
        this.naming = naming;
        this.seed = seed;
    }

    /**
     * @param pre    preprocessing fitted on the same population
     * @param inputs the model's feature names
     * @param rows   processed rows restricted to {@code inputs}
     */
    public SegmentModel train(Preprocessor pre, List<String> inputs, List<double[]> rows) {
        if (rows.size() < 20) {
            throw new IllegalArgumentException("need at least 20 customers to segment, got " + rows.size());
        }
        String[] names = inputs.toArray(String[]::new);
        MutableDataset<ClusterID> ds = dataset(names, rows);
        MutableDataset<ClusterID> selection = rows.size() <= SELECTION_ROWS ? ds
                : dataset(names, rows.subList(0, SELECTION_ROWS));
        double[][] sample = sample(rows);
        Map<Integer, Double> sil = new LinkedHashMap<>();
        Map<Integer, KMeansModel> models = new LinkedHashMap<>();
        for (int k : naming.candidates()) {
            if (k >= rows.size()) {
                continue;
            }
            KMeansModel m = kmeans(k).train(selection);
            if (selection == ds) {
                models.put(k, m);
            }
            sil.put(k, Silhouette.of(sample, nearest(centroids(m, names), sample), k));
        }
        int chosen = choose(sil);
        KMeansModel model = models.containsKey(chosen) ? models.get(chosen) : kmeans(chosen).train(ds);
        double[][] c = centroids(model, names);
        long[] sizes = new long[chosen];
        for (int a : nearest(c, rows.toArray(double[][]::new))) {
            sizes[a]++;
        }
        return new SegmentModel(model, pre, inputs, naming.name(c, inputs), c, sizes, sil);
    }

    private static MutableDataset<ClusterID> dataset(String[] names, List<double[]> rows) {
        ClusteringFactory factory = new ClusteringFactory();
        MutableDataset<ClusterID> ds = new MutableDataset<>(new SimpleDataSourceProvenance(
                "customer portraits (segment features)", OffsetDateTime.parse("2000-01-01T00:00Z"), factory), factory);
        for (double[] r : rows) {
            ds.add(new ArrayExample<>(ClusteringFactory.UNASSIGNED_CLUSTER_ID, names, r));
        }
        return ds;
    }

    /** Tribuo logs every K-means iteration at INFO through java.util.logging; keep it to warnings. */
    static java.util.logging.Logger quiet() {
        java.util.logging.Logger l = java.util.logging.Logger.getLogger("org.tribuo");
        l.setLevel(java.util.logging.Level.WARNING);
        return l;
    }

    private KMeansTrainer kmeans(int k) {
        return new KMeansTrainer(k, 60, new L2Distance(), KMeansTrainer.Initialisation.PLUSPLUS, 1, seed);
    }

    int choose(Map<Integer, Double> sil) {
        int best = naming.defaultK();
        double keep = sil.getOrDefault(best, Double.NEGATIVE_INFINITY);
        int top = best;
        for (Map.Entry<Integer, Double> e : sil.entrySet()) {
            if (e.getValue() > sil.getOrDefault(top, Double.NEGATIVE_INFINITY)) {
                top = e.getKey();
            }
        }
        return sil.getOrDefault(top, 0.0) > keep + naming.margin() ? top : best;
    }

    private double[][] sample(List<double[]> rows) {
        int n = Math.min(SILHOUETTE_SAMPLE, rows.size());
        double[][] s = new double[n][];
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            s[i] = rows.get(n == rows.size() ? i : rnd.nextInt(rows.size()));
        }
        return s;
    }

    /** Centroids in input order (Tribuo's feature map orders features by name). */
    static double[][] centroids(KMeansModel m, String[] inputs) {
        List<String> order = List.of(inputs);
        List<List<org.tribuo.Feature>> byName = m.getCentroids();
        double[][] c = new double[byName.size()][inputs.length];
        for (int k = 0; k < byName.size(); k++) {
            for (org.tribuo.Feature f : byName.get(k)) {
                c[k][order.indexOf(f.getName())] = f.getValue();
            }
        }
        return c;
    }

    static int[] nearest(double[][] centroids, double[][] points) {
        int[] a = new int[points.length];
        for (int i = 0; i < points.length; i++) {
            double best = Double.MAX_VALUE;
            for (int k = 0; k < centroids.length; k++) {
                double d = Silhouette.distance(points[i], centroids[k]);
                if (d < best) {
                    best = d;
                    a[i] = k;
                }
            }
        }
        return a;
    }
}
