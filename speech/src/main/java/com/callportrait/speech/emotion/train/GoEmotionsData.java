package com.callportrait.speech.emotion.train;

import com.callportrait.speech.emotion.SentimentGroup;
import com.callportrait.speech.emotion.TextClass;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Reads a GoEmotions split ({@code text TAB label_ids TAB comment_id}, optionally gzipped) and the
 * label names ({@code emotions.txt}). Each row keeps all its labels: multi-label rows are handled
 * by the trainer (one weighted example per class) and by {@link GroupMetrics} (gold set).
 */
public final class GoEmotionsData {

    /**
     * One row.
     *
     * @param text    the comment
     * @param classes the five-way text classes of its labels (non-empty)
     * @param groups  the sentiment groups of its labels (non-empty)
     */
    public record Row(String text, Set<TextClass> classes, Set<SentimentGroup> groups) {
    }

    private GoEmotionsData() {
    }

    /** Reads {@code split} ({@code train} or {@code dev}) from {@code dir}. */
    public static List<Row> read(Path dir, String split) throws IOException {
        List<String> names = Files.readAllLines(dir.resolve("emotions.txt"), StandardCharsets.UTF_8);
        Path file = dir.resolve(split + ".tsv.gz");
        if (!Files.exists(file)) {
            file = dir.resolve(split + ".tsv");
        }
        List<Row> rows = new ArrayList<>();
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                String[] f = line.split("\t");
                if (f.length < 2) {
                    throw new IOException(file + ": malformed row: " + line);
                }
                EnumSet<TextClass> classes = EnumSet.noneOf(TextClass.class);
                EnumSet<SentimentGroup> groups = EnumSet.noneOf(SentimentGroup.class);
                for (String id : f[1].split(",")) {
                    String emotion = names.get(Integer.parseInt(id.trim())).trim();
                    classes.add(TextClass.ofGoEmotion(emotion));
                    groups.add(SentimentGroup.ofGoEmotion(emotion));
                }
                rows.add(new Row(f[0], classes, groups));
            }
        }
        return rows;
    }
}
