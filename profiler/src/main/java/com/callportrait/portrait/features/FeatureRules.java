package com.callportrait.portrait.features;

import com.callportrait.portrait.PortraitException;
import com.callportrait.portrait.semantic.ConfigFiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parsed {@code features.yaml}: ordered rules, the preprocessing steps and each model's feature
 * list. Immutable and thread-safe.
 *
 * @param rules        rules in file order (ratios may refer to earlier features)
 * @param missing      per-feature missing-value strategy; {@code default} for the rest
 * @param log1p        features transformed by {@code log(1 + max(0, x))} before scaling
 * @param scale        {@code zscore}, {@code minmax} or {@code none}
 * @param clip         bound on |scaled value|, 0 = off
 * @param modelInputs  model name to the features it uses
 */
public record FeatureRules(List<FeatureRule> rules, Map<String, String> missing, List<String> log1p, String scale,
                           double clip, Map<String, List<String>> modelInputs) {
    public FeatureRules {
        rules = List.copyOf(rules);
        missing = Map.copyOf(missing);
        log1p = List.copyOf(log1p);
        modelInputs = Map.copyOf(modelInputs);
        List<String> names = names(rules);
        for (List<String> inputs : modelInputs.values()) {
            for (String in : inputs) {
                if (!names.contains(in)) {
                    throw new PortraitException("features.yaml: model input '" + in + "' is not a feature");
                }
            }
        }
        if (!List.of("zscore", "minmax", "none").contains(scale)) {
            throw new PortraitException("features.yaml: scale must be zscore, minmax or none, was " + scale);
        }
    }

    private static List<String> names(List<FeatureRule> rules) {
        List<String> names = new ArrayList<>();
        for (FeatureRule r : rules) {
            if (names.contains(r.name())) {
                throw new PortraitException("features.yaml: feature '" + r.name() + "' defined twice");
            }
            if (r.source().equals("ratio") && (!names.contains(r.numerator()) || !names.contains(r.denominator()))) {
                throw new PortraitException("features.yaml: ratio " + r.name() + " must refer to earlier features");
            }
            names.add(r.name());
        }
        return names;
    }

    public List<String> names() {
        return rules.stream().map(FeatureRule::name).toList();
    }

    public int indexOf(String feature) {
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).name().equals(feature)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no feature " + feature);
    }

    public List<String> inputsOf(String model) {
        List<String> in = modelInputs.get(model);
        if (in == null) {
            throw new PortraitException("features.yaml: no input list for model " + model);
        }
        return in;
    }

    /** The bundled rules ({@link ConfigFiles#from} names the file that overrides it: {@code CP_PORTRAIT_FEATURES}). */
    public static FeatureRules load() {
        return load(null);
    }

    /** The file {@code override}, or the bundled rules when it is {@code null}. */
    public static FeatureRules load(Path override) {
        JsonNode root = ConfigFiles.load("features.yaml", override);
        List<FeatureRule> rules = new ArrayList<>();
        for (JsonNode f : root.path("features")) {
            Map<String, List<String>> where = new LinkedHashMap<>();
            f.path("where").fields().forEachRemaining(e -> {
                List<String> values = new ArrayList<>();
                e.getValue().forEach(v -> values.add(v.asText()));
                where.put(e.getKey(), values);
            });
            try {
                rules.add(new FeatureRule(f.path("name").asText(null), f.path("source").asText(),
                        f.path("agg").asText(), f.path("field").asText(null), where, f.path("window_days").asInt(0),
                        f.path("offset_days").asInt(0), f.path("numerator").asText(null),
                        f.path("denominator").asText(null), f.path("denominator_scale").asDouble(1.0),
                        f.path("smoothing").asDouble(1.0)));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new PortraitException("features.yaml: " + e.getMessage(), e);
            }
        }
        JsonNode pre = root.path("preprocessing");
        Map<String, String> missing = new HashMap<>();
        pre.path("missing").fields().forEachRemaining(e -> missing.put(e.getKey(), e.getValue().asText()));
        missing.putIfAbsent("default", "median");
        List<String> log1p = new ArrayList<>();
        pre.path("log1p").forEach(v -> log1p.add(v.asText()));
        Map<String, List<String>> models = new HashMap<>();
        root.path("models").fields().forEachRemaining(e -> {
            List<String> in = new ArrayList<>();
            e.getValue().forEach(v -> in.add(v.asText()));
            models.put(e.getKey(), in);
        });
        return new FeatureRules(rules, missing, log1p, pre.path("scale").asText("zscore"),
                pre.path("clip").asDouble(0), models);
    }
}
