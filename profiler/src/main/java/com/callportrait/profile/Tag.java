package com.callportrait.profile;

import java.util.Objects;

/**
 * One portrait tag, with the explanation an agent sees: which rule or model set it and from which
 * inputs. Immutable and thread-safe.
 *
 * @param family      one of the six tag families (channel, evaluation, attribute, traffic, risk, segment)
 * @param name        short operator word, e.g. {@code repeat-caller}
 * @param explanation human-readable reason, e.g. {@code rule calls_30d>=3 (calls_30d=5)}
 */
public record Tag(String family, String name, String explanation) {
    public Tag {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(name, "name");
        explanation = explanation == null ? "" : explanation;
        if (family.isBlank() || name.isBlank()) {
            throw new IllegalArgumentException("tag family and name must not be blank");
        }
    }
}
