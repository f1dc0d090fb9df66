package com.callportrait.portrait.insights;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.Feature;
import org.tribuo.MutableDataset;
import org.tribuo.clustering.ClusterID;
import org.tribuo.clustering.ClusteringFactory;
import org.tribuo.clustering.kmeans.KMeansModel;
import org.tribuo.clustering.kmeans.KMeansTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.distance.L2Distance;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Agent performance groups: the {@link AgentFeatures} of every agent are standardised (z-scores
 * over the agents), clustered by Tribuo's K-means into three groups (k-means++, fixed seed, one
 * thread, so the same data always gives the same groups), and each group is named from its
 * centroid by the <em>group score</em> = the mean over the six features of {@code z x direction}
 * (direction +1 where more is better: first-contact resolution, survey, recovery; -1 where less is
 * better: handling time, transfers, escalations). The highest score is {@code high}, the lowest
 * {@code low}. Stateless and thread-safe.
 */
public final class AgentGroups {
    public static final int K = 3;
    public static final List<String> NAMES = List.of("high", "middle", "low");
    public static final int DEFAULT_MIN_CONTACTS = 30;
    public static final long DEFAULT_SEED = 20261202L;

    /**
     * The groups of one refresh. Immutable.
     *
     * @param agents     each agent's features, agent-name order
     * @param groupOf    agent name to {@code high}, {@code middle} or {@code low}
     * @param centroids  group name to centroid in z-scores, {@link AgentFeatures#NAMES} order
     * @param scores     group name to the group score of its centroid
     * @param means      per-feature mean over the agents (to standardise new figures the same way)
     * @param sds        per-feature standard deviation over the agents
     */
    public record Grouping(List<AgentFeatures> agents, Map<String, String> groupOf, Map<String, double[]> centroids,
                           Map<String, Double> scores, double[] means, double[] sds) {
        public Grouping {
            agents = List.copyOf(agents);
            groupOf = Map.copyOf(groupOf);
            centroids = Map.copyOf(centroids);
            scores = Map.copyOf(scores);
        }

        /** Agent names in each group, high first. */
        public Map<String, List<String>> members() {
            Map<String, List<String>> m = new LinkedHashMap<>();
            for (String n : NAMES) {
                m.put(n, agents.stream().map(AgentFeatures::agent).filter(a -> n.equals(groupOf.get(a))).toList());
            }
            return m;
        }

        /** The group score of one agent's own features, standardised like the training agents. */
        public double score(AgentFeatures f) {
            return AgentGroups.score(z(f.vector(), means, sds));
        }
    }

    private AgentGroups() {
    }

    /** Groups of the given agents; at least {@link #K} agents are needed. */
    public static Grouping train(List<AgentFeatures> agents, long seed) {
        if (agents.size() < K) {
            throw new IllegalArgumentException("agent groups need at least " + K + " agents with enough contacts, got "
                    + agents.size());
        }
        int d = AgentFeatures.NAMES.size();
        double[] mean = new double[d];
        double[] sd = new double[d];
        for (AgentFeatures a : agents) {
            double[] v = a.vector();
            for (int j = 0; j < d; j++) {
                mean[j] += v[j] / agents.size();
            }
        }
        for (AgentFeatures a : agents) {
            double[] v = a.vector();
            for (int j = 0; j < d; j++) {
                sd[j] += (v[j] - mean[j]) * (v[j] - mean[j]) / agents.size();
            }
        }
        for (int j = 0; j < d; j++) {
            sd[j] = Math.sqrt(sd[j]);
        }
        String[] names = AgentFeatures.NAMES.toArray(String[]::new);
        ClusteringFactory factory = new ClusteringFactory();
        MutableDataset<ClusterID> ds = new MutableDataset<>(new SimpleDataSourceProvenance("agent features",
                OffsetDateTime.parse("2000-01-01T00:00Z"), factory), factory);
        List<double[]> zs = new ArrayList<>();
        for (AgentFeatures a : agents) {
            double[] z = z(a.vector(), mean, sd);
            zs.add(z);
            ds.add(new ArrayExample<>(ClusteringFactory.UNASSIGNED_CLUSTER_ID, names, z));
        }
        java.util.logging.Logger.getLogger("org.tribuo").setLevel(java.util.logging.Level.WARNING);
        KMeansModel model = new KMeansTrainer(K, 100, new L2Distance(), KMeansTrainer.Initialisation.PLUSPLUS, 1, seed)
                .train(ds);
        double[][] c = new double[K][d];
        List<List<Feature>> byName = model.getCentroids();
        for (int k = 0; k < byName.size(); k++) {
            for (Feature f : byName.get(k)) {
                c[k][AgentFeatures.NAMES.indexOf(f.getName())] = f.getValue();
            }
        }
        Integer[] rank = {0, 1, 2};
        Arrays.sort(rank, (x, y) -> Double.compare(score(c[y]), score(c[x])));
        String[] nameOf = new String[K];
        Map<String, double[]> centroids = new LinkedHashMap<>();
        Map<String, Double> scores = new LinkedHashMap<>();
        for (int r = 0; r < K; r++) {
            nameOf[rank[r]] = NAMES.get(r);
            centroids.put(NAMES.get(r), c[rank[r]].clone());
            scores.put(NAMES.get(r), score(c[rank[r]]));
        }
        Map<String, String> groupOf = new LinkedHashMap<>();
        for (int i = 0; i < agents.size(); i++) {
            groupOf.put(agents.get(i).agent(), nameOf[nearest(c, zs.get(i))]);
        }
        return new Grouping(agents, groupOf, centroids, scores, mean, sd);
    }

    /** The documented group score of a point in z-scores. */
    static double score(double[] z) {
        double s = 0;
        for (int j = 0; j < z.length; j++) {
            s += AgentFeatures.BETTER[j] * z[j];
        }
        return s / z.length;
    }

    static double[] z(double[] v, double[] mean, double[] sd) {
        double[] z = new double[v.length];
        for (int j = 0; j < v.length; j++) {
            z[j] = sd[j] == 0 ? 0 : (v[j] - mean[j]) / sd[j];
        }
        return z;
    }

    private static int nearest(double[][] c, double[] p) {
        int best = 0;
        double bestD = Double.MAX_VALUE;
        for (int k = 0; k < c.length; k++) {
            double d = 0;
            for (int j = 0; j < p.length; j++) {
                d += (p[j] - c[k][j]) * (p[j] - c[k][j]);
            }
            if (d < bestD) {
                bestD = d;
                best = k;
            }
        }
        return best;
    }
}
