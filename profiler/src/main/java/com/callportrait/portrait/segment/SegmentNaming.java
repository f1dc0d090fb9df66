package com.callportrait.portrait.segment;

import com.callportrait.portrait.semantic.ConfigFiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Names clusters in operator words from their centroids, by the weights in {@code segments.yaml},
 * and holds the k-selection settings. Immutable and thread-safe.
 *
 * @param weights    operator name to (feature to weight), in file order
 * @param candidates the k values measured
 * @param defaultK   the k kept unless another beats it by more than {@code margin} silhouette
 * @param margin     silhouette margin
 */
public record SegmentNaming(Map<String, Map<String, Double>> weights, List<Integer> candidates, int defaultK,
                            double margin) {
    public SegmentNaming {
        weights = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(weights));
        candidates = List.copyOf(candidates);
        if (candidates.isEmpty() || candidates.stream().anyMatch(k -> k < 2) || defaultK < 2 || margin < 0) {
            throw new IllegalArgumentException("segments.yaml: k candidates and default must be >= 2, margin >= 0");
        }
    }

    /** The bundled naming ({@link ConfigFiles#from} names the file that overrides it: {@code CP_PORTRAIT_SEGMENTS}). */
    public static SegmentNaming load() {
        return load(null);
    }

    /** The file {@code override}, or the bundled naming when it is {@code null}. */
    public static SegmentNaming load(Path override) {
        JsonNode root = ConfigFiles.load("segments.yaml", override);
        Map<String, Map<String, Double>> w = new LinkedHashMap<>();
        root.path("names").fields().forEachRemaining(e -> {
            Map<String, Double> m = new LinkedHashMap<>();
            e.getValue().fields().forEachRemaining(f -> m.put(f.getKey(), f.getValue().asDouble()));
            w.put(e.getKey(), m);
        });
        List<Integer> ks = new ArrayList<>();
        root.path("k").path("candidates").forEach(v -> ks.add(v.asInt()));
        return new SegmentNaming(w, ks, root.path("k").path("default").asInt(5), root.path("k").path("margin").asDouble(0.02));
    }

    /** One name per centroid (z-scores over {@code inputs}). */
    public List<String> name(double[][] centroids, List<String> inputs) {
        int k = centroids.length;
        List<String> names = new ArrayList<>(weights.keySet());
        double[][] score = new double[k][names.size()];
        for (int c = 0; c < k; c++) {
            for (int n = 0; n < names.size(); n++) {
                Map<String, Double> w = weights.get(names.get(n));
                double s = 0;
                if (w.isEmpty()) {
                    for (double z : centroids[c]) {
                        s -= Math.abs(z);
                    }
                    s /= Math.max(1, centroids[c].length) / 2.0;
                } else {
                    for (Map.Entry<String, Double> e : w.entrySet()) {
                        int j = inputs.indexOf(e.getKey());
                        if (j >= 0) {
                            s += e.getValue() * centroids[c][j];
                        }
                    }
                }
                score[c][n] = s;
            }
        }
        String[] result = new String[k];
        boolean[] nameUsed = new boolean[names.size()];
        for (int round = 0; round < Math.min(k, names.size()); round++) {
            int bc = -1;
            int bn = -1;
            for (int c = 0; c < k; c++) {
                for (int n = 0; n < names.size(); n++) {
                    if (result[c] == null && !nameUsed[n] && (bc < 0 || score[c][n] > score[bc][bn])) {
                        bc = c;
                        bn = n;
                    }
                }
            }
            result[bc] = names.get(bn);
            nameUsed[bn] = true;
        }
        for (int c = 0; c < k; c++) {
            if (result[c] == null) {
                int best = 0;
                for (int n = 1; n < names.size(); n++) {
                    if (score[c][n] > score[c][best]) {
                        best = n;
                    }
                }
                String base = names.get(best);
                int suffix = 2;
                while (List.of(result).contains(base + "-" + suffix)) {
                    suffix++;
                }
                result[c] = base + "-" + suffix;
            }
        }
        return List.of(result);
    }
}
