package com.callportrait.profile.redis;

import com.callportrait.profile.CustomerProfile;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON form of a {@link CustomerProfile} as stored in Redis: the record's component names as
 * fields, {@code tier} as its enum name, instants as ISO-8601 strings. Unknown fields are ignored
 * when reading, so a newer writer can add fields without breaking older readers; a missing field
 * falls back to the record's defaults where it has one (validation runs in the compact
 * constructor, so an impossible value is rejected, not stored). Thread-safe.
 */
public final class ProfileJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            // registered after the JSR-310 module, so it is the one used for Instant
            .addModule(new com.fasterxml.jackson.databind.module.SimpleModule("cp-instants")
                    .addDeserializer(java.time.Instant.class, new IsoInstants()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final ObjectWriter WRITER = MAPPER.writerFor(CustomerProfile.class);
    private static final ObjectReader READER = MAPPER.readerFor(CustomerProfile.class);

    private ProfileJson() {
    }

    /** The stored JSON of a profile. */
    public static String encode(CustomerProfile profile) {
        try {
            return WRITER.writeValueAsString(profile);
        } catch (JsonProcessingException e) {
            throw new RedisStoreException("cannot encode profile " + profile.customerId() + ": " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Reads a stored profile.
     *
     * @param where the Redis key, for the error message
     * @throws RedisStoreException when the value is not a valid profile
     */
    public static CustomerProfile decode(String json, String where) {
        try {
            return READER.readValue(json);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new RedisStoreException("corrupt profile at " + where + ": " + e.getMessage(), e);
        }
    }

    /** A shared mapper configured like the profile codec (ISO-8601 instants), for other stored JSON. */
    public static ObjectMapper mapper() {
        return MAPPER.copy();
    }
}
