package com.callportrait.portrait.collect;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The record files a centre's data directory may hold ({@code CP_FRESH_DATA}, {@code profile build
 * --data}), as sources in the order every build reads them: the CRM files, then the richer record
 * of a call first (CallPortrait's own interactions, then Asterisk's {@code queue_log}, then the CDR
 * {@code Master.csv}). Any subset may be present. Stateless and thread-safe.
 */
public final class DataDirectory {
    /** CRM and CallPortrait files, each read as {@code .csv} and/or {@code .jsonl}. */
    public static final List<String> CRM_FILES =
            List.of("customers", "enrichment", "bills", "complaints", "tickets", "interactions");

    private DataDirectory() {
    }

    /** The sources of the files present in {@code dir}; times without a zone are read in {@code zone}. */
    public static List<Source> sources(Path dir, ZoneId zone) {
        List<Source> sources = new ArrayList<>();
        for (String f : CRM_FILES) {
            for (String ext : List.of(".csv", ".jsonl")) {
                if (Files.exists(dir.resolve(f + ext))) {
                    sources.add(new CrmFileSource(dir.resolve(f + ext), zone));
                }
            }
        }
        if (Files.exists(dir.resolve("queue_log"))) {
            sources.add(new QueueLogSource(dir.resolve("queue_log")));
        }
        if (Files.exists(dir.resolve("Master.csv"))) {
            sources.add(new CdrCsvSource(dir.resolve("Master.csv"), zone));
        }
        return sources;
    }
}
