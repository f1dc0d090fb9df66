package com.callportrait.portrait.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.oracle.labs.mlrg.olcut.provenance.ObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import com.oracle.labs.mlrg.olcut.provenance.io.FlatMarshalledProvenance;
import com.oracle.labs.mlrg.olcut.provenance.io.ListMarshalledProvenance;
import com.oracle.labs.mlrg.olcut.provenance.io.MapMarshalledProvenance;
import com.oracle.labs.mlrg.olcut.provenance.io.ObjectMarshalledProvenance;
import com.oracle.labs.mlrg.olcut.provenance.io.SimpleMarshalledProvenance;
import com.oracle.labs.mlrg.olcut.util.Pair;
import java.util.Map;

/**
 * A Tribuo model's provenance as JSON: {@link ProvenanceUtil#marshalProvenance} flattens it into
 * Tribuo's marshalled form (one object per provenance node, references by name), written here in
 * the layout of OLCUT's JSON provenance serialisation ({@code object-name}, {@code object-class-name},
 * {@code provenance-class}, {@code map} of {@code key}/{@code value}/{@code provenance-class}/
 * {@code additional}/{@code is-reference} leaves). The {@code olcut-config-json} module that writes
 * it is not on the class path, and its layout is a plain tree, so the few lines below write it with
 * Jackson. Stateless; thread-safe.
 */
public final class ProvenanceJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private ProvenanceJson() {
    }

    /** The marshalled provenance of {@code p} as a JSON array, or {@code null} for none. */
    public static JsonNode of(ObjectProvenance p) {
        if (p == null) {
            return null;
        }
        ArrayNode out = F.arrayNode();
        for (ObjectMarshalledProvenance o : ProvenanceUtil.marshalProvenance(p)) {
            ObjectNode n = out.addObject();
            n.put("object-name", o.getName());
            n.put("object-class-name", o.getObjectClassName());
            n.put("provenance-class", o.getProvenanceClassName());
            ObjectNode map = n.putObject("map");
            for (Map.Entry<String, FlatMarshalledProvenance> e : new java.util.TreeMap<>(o.getMap()).entrySet()) {
                map.set(e.getKey(), flat(e.getValue()));
            }
        }
        return out;
    }

    private static JsonNode flat(FlatMarshalledProvenance f) {
        if (f instanceof SimpleMarshalledProvenance s) {
            ObjectNode n = F.objectNode();
            n.put("key", s.getKey());
            n.put("value", s.getValue());
            n.put("provenance-class", s.getProvenanceClassName());
            n.put("additional", s.getAdditional());
            n.put("is-reference", s.isReference());
            return n;
        }
        if (f instanceof ListMarshalledProvenance l) {
            ArrayNode a = F.arrayNode();
            for (FlatMarshalledProvenance x : l.getList()) {
                a.add(flat(x));
            }
            return a;
        }
        if (f instanceof MapMarshalledProvenance m) {
            ObjectNode n = F.objectNode();
            for (Pair<String, FlatMarshalledProvenance> p : m) {
                n.set(p.getA(), flat(p.getB()));
            }
            return n;
        }
        return F.textNode(String.valueOf(f));
    }
}
