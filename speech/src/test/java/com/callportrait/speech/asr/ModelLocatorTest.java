package com.callportrait.speech.asr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelLocatorTest {

    @Test
    void theBundledModelIsExtractedUnderADataDirWrittenWithADotSlash(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("model.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            put(out, "vosk/model-en-us/uuid", "abc-123\n");
            put(out, "vosk/model-en-us/conf/model.conf", "--beam=10\n");
        }
        // the default CP_DATA_DIR is ./data: a relative path starting with "./"
        Path dataDir = Path.of(".").resolve(Path.of("").toAbsolutePath().relativize(dir)).resolve("data");
        assertThat(dataDir.toString()).startsWith("./");
        URL url = new URL("jar:" + jar.toUri() + "!/vosk/model-en-us/uuid");
        Path model = ModelLocator.extract((JarURLConnection) url.openConnection(), dataDir);
        assertThat(model.resolve("conf/model.conf")).hasContent("--beam=10");
        assertThat(model.getFileName().toString()).isEqualTo("vosk-model-en-us-abc-123");
    }

    private static void put(JarOutputStream out, String name, String text) throws Exception {
        out.putNextEntry(new JarEntry(name));
        OutputStream o = out;
        o.write(text.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }
}
