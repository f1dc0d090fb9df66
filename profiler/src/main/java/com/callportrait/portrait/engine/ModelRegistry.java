package com.callportrait.portrait.engine;

import com.callportrait.portrait.PortraitException;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.tribuo.Model;

/**
 * Model versions on disk behind an evaluation gate. Layout: {@code <dir>/<model>/v0001/meta.json}
 * (a {@link ModelVersion}) and {@code model.tribuo} (Tribuo's protobuf form, with its provenance).
 * A candidate becomes current only if its gate metric on the held-out set is not worse than the
 * current model's on the same set (higher is better, within {@code tolerance}); refused candidates
 * are recorded too, so {@code profile models} shows the whole history. Thread-safe
 * (synchronised). Several server instances may share one directory (a shared volume): only the
 * holder of the retraining lease writes to it, the others only read the versions it publishes.
 */
public final class ModelRegistry {
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT)
            // versions written before a field existed still read
            .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final Path dir;
    private final double tolerance;

    /** @param tolerance how much worse a candidate may be and still pass (0 = must be at least as good) */
    public ModelRegistry(Path dir, double tolerance) {
        if (tolerance < 0) {
            throw new PortraitException("gate tolerance must be >= 0");
        }
        this.dir = dir;
        this.tolerance = tolerance;
    }

    public Path dir() {
        return dir;
    }

    /**
     * Registers a candidate and decides. {@code incumbentScore} is the current model's metric on the
     * same held-out set, {@code NaN} when there is no current model (the first candidate passes).
     */
    public synchronized ModelVersion propose(String name, Model<?> tribuoModel, String gateMetric, double candidateScore,
                                             double incumbentScore, Map<String, Double> metrics,
                                             Map<String, Long> trainedOn, Instant at) {
        return propose(name, tribuoModel, null, gateMetric, candidateScore, incumbentScore, metrics, trainedOn, at);
    }

    /**
     * As above, also storing {@code sidecar} (the parts of the model that are not Tribuo's:
     * preprocessing, calibration, names) as {@code sidecar.json}, so the version can be restored.
     */
    public synchronized ModelVersion propose(String name, Model<?> tribuoModel, Object sidecar, String gateMetric,
                                             double candidateScore, double incumbentScore, Map<String, Double> metrics,
                                             Map<String, Long> trainedOn, Instant at) {
        return propose(name, tribuoModel, sidecar, gateMetric, candidateScore, incumbentScore, metrics, trainedOn, at,
                ModelVersion.BATCH, null);
    }

    /**
     * As above, recording where the training data came from ({@link ModelVersion#BATCH} or
     * {@link ModelVersion#LIVE_RECORDS}) and its time window ({@code window} may be null), next to
     * Tribuo's provenance as text and as JSON ({@link ProvenanceJson}).
     */
    public synchronized ModelVersion propose(String name, Model<?> tribuoModel, Object sidecar, String gateMetric,
                                             double candidateScore, double incumbentScore, Map<String, Double> metrics,
                                             Map<String, Long> trainedOn, Instant at, String source,
                                             ModelTraining.DataWindow window) {
        boolean pass = !Double.isNaN(candidateScore)
                && (Double.isNaN(incumbentScore) || candidateScore >= incumbentScore - tolerance);
        int version = versions(name).stream().mapToInt(ModelVersion::version).max().orElse(0) + 1;
        ModelVersion v = new ModelVersion(name, version, at, pass ? "accepted" : "refused", gateMetric, candidateScore,
                incumbentScore, metrics, trainedOn, tribuoModel == null ? "" : tribuoModel.getProvenance().toString(),
                source, window == null ? null : window.from(), window == null ? null : window.to(),
                tribuoModel == null ? null : ProvenanceJson.of(tribuoModel.getProvenance()));
        Path vdir = dir.resolve(name).resolve(String.format("v%04d", version));
        try {
            Files.createDirectories(vdir);
            JSON.writeValue(vdir.resolve("meta.json").toFile(), v);
            if (tribuoModel != null) {
                tribuoModel.serializeToFile(vdir.resolve("model.tribuo"));
            }
            if (sidecar != null) {
                JSON.writeValue(vdir.resolve("sidecar.json").toFile(), sidecar);
            }
        } catch (IOException e) {
            throw new PortraitException("cannot write model version " + vdir + ": " + e.getMessage(), e);
        }
        return v;
    }

    /** Every version of one model, oldest first. */
    public synchronized List<ModelVersion> versions(String name) {
        Path m = dir.resolve(name);
        if (!Files.isDirectory(m)) {
            return List.of();
        }
        List<ModelVersion> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(m)) {
            for (Path v : s.filter(p -> p.getFileName().toString().startsWith("v")).sorted().toList()) {
                out.add(JSON.readValue(v.resolve("meta.json").toFile(), ModelVersion.class));
            }
        } catch (IOException e) {
            throw new PortraitException("cannot read model registry " + m + ": " + e.getMessage(), e);
        }
        out.sort(Comparator.comparingInt(ModelVersion::version));
        return out;
    }

    /** Every model name with versions. */
    public synchronized List<String> models() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new PortraitException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The newest accepted version, if any. */
    public synchronized java.util.Optional<ModelVersion> current(String name) {
        List<ModelVersion> v = versions(name);
        for (int i = v.size() - 1; i >= 0; i--) {
            if (v.get(i).accepted()) {
                return java.util.Optional.of(v.get(i));
            }
        }
        return java.util.Optional.empty();
    }

    /** The stored sidecar of a version, empty when it has none. */
    public <T> java.util.Optional<T> sidecar(String name, int version, Class<T> type) {
        Path f = dir.resolve(name).resolve(String.format("v%04d", version)).resolve("sidecar.json");
        if (!Files.exists(f)) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(JSON.readValue(f.toFile(), type));
        } catch (IOException e) {
            throw new PortraitException("cannot read " + f + ": " + e.getMessage(), e);
        }
    }

    /** The stored Tribuo model of a version (provenance included). */
    public Model<?> load(String name, int version) {
        Path f = dir.resolve(name).resolve(String.format("v%04d", version)).resolve("model.tribuo");
        try {
            return Model.deserializeFromFile(f);
        } catch (IOException e) {
            throw new PortraitException("cannot load " + f + ": " + e.getMessage(), e);
        }
    }
}
