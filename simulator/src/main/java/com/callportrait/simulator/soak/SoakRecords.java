package com.callportrait.simulator.soak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The exact-once check of a soak run, read from Redis only (whatever writes the records): every
 * entry of every {@code cp:interactions:{p}} stream (other keys under that prefix are skipped) (XRANGE, 1,000 at a time) that is an interaction
 * record (not {@code kind=feedback}) is counted by its {@code interaction_id}; each completed call
 * must have exactly one. Reads over Redis's own protocol (any client connection will do).
 * Stateless; any thread.
 */
public final class SoakRecords {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE = 1_000;
    private static final java.util.regex.Pattern STREAM = java.util.regex.Pattern.compile("cp:interactions:\\{\\d+}");

    /**
     * @param missing   completed calls without a record (ids, at most 20 listed)
     * @param doubled   completed calls with more than one record (ids, at most 20 listed)
     * @param missingCount  how many completed calls have no record
     * @param doubledCount  how many have more than one
     * @param foreign   records of calls this run did not complete (failed calls, ghosts)
     * @param entries   interaction records read in all
     */
    public record Check(int expected, int missingCount, int doubledCount, List<String> missing, List<String> doubled,
                 int foreign, long entries) {
        public boolean exactlyOnce() {
            return missingCount == 0 && doubledCount == 0;
        }
    }

    private SoakRecords() {
    }

    /** Counts records by call id. */
    public static Map<String, Integer> count(RedisClusterCommands<String, String> redis) {
        Map<String, Integer> byId = new HashMap<>();
        for (String key : redis.keys("cp:interactions:*")) {
            // only the partition streams themselves (other keys may share the prefix: seen markers)
            if (!STREAM.matcher(key).matches() || !"stream".equals(redis.type(key))) {
                continue;
            }
            String from = "-";
            while (true) {
                List<StreamMessage<String, String>> page = redis.xrange(key, Range.create(from, "+"),
                        Limit.create(0, PAGE));
                int start = 0;
                if (!from.equals("-") && !page.isEmpty() && page.get(0).getId().equals(from)) {
                    start = 1; // the range is inclusive: the last entry of the previous page
                }
                for (StreamMessage<String, String> m : page.subList(start, page.size())) {
                    if ("feedback".equals(m.getBody().get("kind"))) {
                        continue;
                    }
                    String id = interactionId(m.getBody().get("json"), m.getBody().get("rid"));
                    byId.merge(id, 1, Integer::sum);
                }
                if (page.size() < PAGE) {
                    break;
                }
                from = page.get(page.size() - 1).getId();
            }
        }
        return byId;
    }

    /** Judges the counts against the calls that completed. */
    public static Check check(Map<String, Integer> byId, Collection<String> completed) {
        List<String> missing = new ArrayList<>();
        List<String> doubled = new ArrayList<>();
        int missingCount = 0;
        int doubledCount = 0;
        Set<String> done = Set.copyOf(completed);
        for (String id : done) {
            int n = byId.getOrDefault(id, 0);
            if (n == 0 && missingCount++ < 20) {
                missing.add(id);
            } else if (n > 1 && doubledCount++ < 20) {
                doubled.add(id + " x" + n);
            }
        }
        int foreign = 0;
        long entries = 0;
        for (Map.Entry<String, Integer> e : byId.entrySet()) {
            entries += e.getValue();
            if (!done.contains(e.getKey())) {
                foreign++;
            }
        }
        return new Check(done.size(), missingCount, doubledCount, missing, doubled, foreign, entries);
    }

    /** The record's call id: {@code interaction_id} in its JSON, else the entry's {@code rid} field. */
    private static String interactionId(String json, String rid) {
        try {
            JsonNode n = JSON.readTree(json == null ? "{}" : json);
            String id = n.path("interaction_id").asText("");
            return id.isEmpty() && rid != null ? rid : id;
        } catch (Exception e) {
            return "<unreadable>";
        }
    }
}
