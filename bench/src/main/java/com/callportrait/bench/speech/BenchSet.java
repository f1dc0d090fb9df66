package com.callportrait.bench.speech;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The telephone-band benchmark set made by {@code src/test/audio/make-testset.sh}. */
record BenchSet(Path dir, List<Item> items) {

    record Item(String id, String voice, int speed, String text, Path telephone) {
    }

    /**
     * Finds a path given relative to the speech module, whether run from the repository root, from
     * a module beside speech (bench/), or from the speech module itself.
     */
    static Path module(String relative) {
        if (Files.exists(Path.of("speech", "pom.xml"))) {
            return Path.of("speech").resolve(relative);
        }
        if (Files.exists(Path.of("..", "speech", "pom.xml"))) {
            return Path.of("..", "speech").resolve(relative);
        }
        return Path.of(relative);
    }

    static BenchSet load(Path dir, int limit) {
        return load(dir, limit, 1);
    }

    /** Every {@code stride}-th utterance (stride 3 keeps every sentence and all four voices), at most {@code limit}. */
    static BenchSet load(Path dir, int limit, int stride) {
        try {
            List<Item> items = new ArrayList<>();
            List<String> lines = Files.readAllLines(dir.resolve("transcripts.tsv"));
            for (int i = 1; i < lines.size(); i += stride) {
                String[] f = lines.get(i).split("\t");
                items.add(new Item(f[0], f[1], Integer.parseInt(f[2]), f[3], dir.resolve(f[0] + ".wav")));
                if (items.size() == limit) {
                    break;
                }
            }
            return new BenchSet(dir, items);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
