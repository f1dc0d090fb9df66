package com.callportrait.speech.emotion.train;

import com.callportrait.speech.emotion.EmotionLabel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Labelled call-centre utterances: read from a TSV file ({@code domain TAB label TAB escalation
 * TAB text}, {@code #} comments) or made by {@link CallCentreGrammar}. Stateless.
 */
public final class CallCentreData {

    /** The six call-centre domains the data covers. */
    public static final List<String> DOMAINS = List.of("utility", "telecom", "bank", "insurance", "ecommerce", "itdesk");

    /**
     * One labelled utterance. Immutable.
     *
     * @param domain     one of {@link #DOMAINS}
     * @param label      the caller mood
     * @param escalation whether the caller escalates (manager, cancel/switch, formal complaint, regulator, lawyer, press)
     * @param text       what the recogniser would write
     */
    public record Row(String domain, EmotionLabel label, boolean escalation, String text) {
    }

    private CallCentreData() {
    }

    /** Reads a TSV file of rows. */
    public static List<Row> read(Path file) throws IOException {
        List<Row> rows = new ArrayList<>();
        int lineNo = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] p = line.split("\t");
            if (p.length != 4 || !DOMAINS.contains(p[0]) || !("0".equals(p[2]) || "1".equals(p[2]))) {
                throw new IllegalArgumentException(file + ":" + lineNo + ": expected domain, label, 0|1, text");
            }
            rows.add(new Row(p[0], EmotionLabel.valueOf(p[1].toUpperCase(Locale.ROOT)), "1".equals(p[2]),
                    p[3].trim()));
        }
        return rows;
    }
}
