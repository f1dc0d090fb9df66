package com.callportrait.cli;

import com.callportrait.speech.SpeechException;
import com.callportrait.speech.emotion.Emotions;
import com.callportrait.speech.pipeline.FileTranscriber;
import com.callportrait.speech.pipeline.SpeechEngine;
import com.callportrait.speech.redact.Redactors;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code transcribe FILE...}: recordings through exactly the live speech path (AudioSocket
 * framing, resampling, VAD, Vosk, emotion, redaction), one JSON object per utterance. One instance
 * per command-line run, used on the main thread; not thread-safe.
 */
@Command(name = "transcribe", mixinStandardHelpOptions = true,
        description = "Transcribes recordings (WAV of any common rate, PCM, mu-law or A-law; or .raw 8 kHz "
                + "16-bit) exactly as live calls are, printing one JSON object per utterance. Model: CP_VOSK_MODEL "
                + "or the bundled English model.")
public final class TranscribeCommand extends AppCommand {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "recordings to transcribe")
    List<Path> files;

    @Override
    public Integer call() throws Exception {
        try (SpeechEngine engine = SpeechEngine.builder().options(settings().speech().asr())
                .emotionScorer(Emotions.scorer()).voiceAnalyzers(Emotions::newVoiceAnalyzer)
                .redactor(Redactors.standard()).build()) {
            FileTranscriber transcriber = new FileTranscriber(engine);
            int status = 0;
            for (Path file : files) {
                try {
                    for (FileTranscriber.UtteranceResult r : transcriber.transcribe(file)) {
                        out().println(FileTranscriber.toJson(r));
                    }
                    out().flush();
                } catch (SpeechException e) {
                    err().println(file + ": " + e.getMessage());
                    status = 1;
                }
            }
            return status;
        }
    }
}
