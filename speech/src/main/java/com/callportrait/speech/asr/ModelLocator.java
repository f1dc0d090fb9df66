package com.callportrait.speech.asr;

import com.callportrait.common.config.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the Vosk model directory: {@code CP_VOSK_MODEL} when set, else the bundled English model
 * on the classpath at {@value #BUNDLED}. From {@code target/classes} the bundled model is used in
 * place; from inside a jar it is extracted once to {@code <dataDir>/models/vosk-model-en-us-<id>}
 * with a completeness marker, so an interrupted extraction is redone and a finished one reused.
 * Stateless; {@link #locate} is safe to call from several threads (extraction goes to a private
 * temporary directory that is renamed into place).
 */
public final class ModelLocator {
    static final String BUNDLED = "vosk/model-en-us";
    private static final String MARKER = ".complete";
    private static final Logger log = LoggerFactory.getLogger(ModelLocator.class);

    private ModelLocator() {
    }

    public static Path locate(AsrOptions options) {
        if (options.modelDir().isPresent()) {
            return checked(options.modelDir().get());
        }
        URL url = ModelLocator.class.getClassLoader().getResource(BUNDLED + "/uuid");
        if (url == null) {
            throw new ConfigException("no Vosk model: set CP_VOSK_MODEL or build the speech module, which "
                    + "unpacks the bundled model to " + BUNDLED);
        }
        try {
            if ("file".equals(url.getProtocol())) {
                return checked(Path.of(url.toURI()).getParent());
            }
            if ("jar".equals(url.getProtocol())) {
                return extract((JarURLConnection) url.openConnection(), options.dataDir());
            }
        } catch (IOException | URISyntaxException e) {
            throw new ConfigException("cannot read the bundled Vosk model at " + url, e);
        }
        throw new ConfigException("unsupported location of the bundled Vosk model: " + url);
    }

    private static Path checked(Path dir) {
        if (!Files.isDirectory(dir.resolve("am")) && !Files.isRegularFile(dir.resolve("conf/model.conf"))) {
            throw new ConfigException(dir + " does not look like a Vosk model (no am/ or conf/model.conf)");
        }
        return dir;
    }

    static Path extract(JarURLConnection connection, Path dataDir) throws IOException {
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
            String id;
            try (InputStream in = jar.getInputStream(jar.getEntry(BUNDLED + "/uuid"))) {
                id = new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim();
            }
            Path target = dataDir.resolve("models").resolve("vosk-model-en-us-" + id.replaceAll("[^A-Za-z0-9.-]", ""));
            Path marker = target.resolve(MARKER);
            if (Files.isRegularFile(marker)) {
                return target;
            }
            Files.createDirectories(target.getParent());
            // normalised like every entry below, so a data dir written "./data" still contains them
            Path tmp = Files.createTempDirectory(target.getParent(), "extracting-").normalize();
            log.info("extracting the bundled Vosk model to {}", target);
            String prefix = BUNDLED + "/";
            for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                JarEntry entry = e.nextElement();
                if (!entry.getName().startsWith(prefix) || entry.isDirectory()) {
                    continue;
                }
                Path out = tmp.resolve(entry.getName().substring(prefix.length())).normalize();
                if (!out.startsWith(tmp)) {
                    throw new IOException("bad entry in jar: " + entry.getName());
                }
                Files.createDirectories(out.getParent());
                try (InputStream in = jar.getInputStream(entry)) {
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Files.writeString(tmp.resolve(MARKER), id + "\n");
            if (Files.isRegularFile(marker)) { // another process finished first
                deleteTree(tmp);
                return target;
            }
            if (Files.exists(target)) {
                deleteTree(target); // an earlier extraction that never finished
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
