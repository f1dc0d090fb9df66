package com.callportrait.profile.imports;

import com.callportrait.profile.CustomerProfile;
import com.callportrait.profile.PhoneOptions;
import com.callportrait.profile.ProfileStore;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

/**
 * The bundled demo customer list ({@code /demo/customers.csv} on the class path): twenty customers
 * of a utility and telecom call centre covering every tier, several languages, open complaints and
 * last topics, including {@code C1001} Jane Doe ({@code 5551234}, gold, an open billing complaint),
 * the caller in the recorded Asterisk session. Stateless; thread-safe.
 */
public final class DemoCustomers {

    /** Class-path location of the demo file. */
    public static final String RESOURCE = "/demo/customers.csv";

    private DemoCustomers() {
    }

    /** Opens the demo CSV (UTF-8). The caller closes it. */
    public static Reader open() {
        InputStream in = DemoCustomers.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("demo customer list " + RESOURCE + " is missing from the class path");
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    /** The demo customers as new profiles (phones normalised with {@code phoneOptions}). */
    public static List<CustomerProfile> profiles(PhoneOptions phoneOptions, Clock clock) {
        CustomerCsvImporter importer = CustomerCsvImporter.create(phoneOptions, clock);
        try (Reader in = open()) {
            ParsedCustomers parsed = importer.parse(in);
            if (!parsed.rejected().isEmpty()) {
                throw new IllegalStateException("the bundled demo list has bad rows: " + parsed.rejected());
            }
            return importer.toProfiles(parsed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads the demo customers into {@code store} (keeping portraits already there) and reports. */
    public static ImportReport seed(ProfileStore store, PhoneOptions phoneOptions, Clock clock) {
        try (Reader in = open()) {
            return CustomerCsvImporter.create(phoneOptions, clock).importInto(in, store);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
