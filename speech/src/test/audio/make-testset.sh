#!/usr/bin/env bash
# Makes the committed test audio of the speech module (needs espeak-ng 1.51 and sox; tests do not).
#   speech/src/test/resources/audio/it/        a few utterances for the integration tests
#   speech/src/test/benchmark/telephone/       the telephone-band accuracy set: every sentence of
#                                              sentences.txt in 4 voice/speed variants, 16 kHz
#                                              synthetic speech band-limited to 300-3400 Hz and
#                                              stored as 8 kHz G.711 mu-law WAV, + transcripts.tsv
# With --wideband DIR it also writes the 16 kHz sources of the telephone set (before the
# telephone-band conversion) into DIR; the accuracy benchmark decodes those offline. They are not
# committed (16-bit 16 kHz is 4x the size); espeak-ng output is deterministic, so they can be
# remade at any time.  Usage:  bash make-testset.sh [--wideband DIR]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
speech="$(cd "$here/../../.." && pwd)"
it="$speech/src/test/resources/audio/it"
tel="$speech/src/test/benchmark/telephone"
wide=""
if [[ "${1:-}" == "--wideband" ]]; then wide="$2"; mkdir -p "$wide"; fi
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT

# speak VOICE SPEED PITCH TEXT OUT16K: espeak-ng at its native 22050 Hz, then 16 kHz 16-bit mono.
speak() {
  espeak-ng -v "$1" -s "$2" -p "$3" -w "$tmp/raw.wav" "$4"
  sox -D -G "$tmp/raw.wav" -r 16000 -b 16 -c 1 "$5"
}
# telephone IN16K OUT: the telephone channel: 300-3400 Hz band, 8 kHz, G.711 mu-law.
telephone() {
  sox -D -G "$1" -r 8000 -e u-law -b 8 -c 1 "$2" sinc 300-3400
}

voices=("en-us 150 50" "en-us+f3 175 60" "en-gb 190 40" "en-us+m3 165 45")

if [[ -z "$wide" ]]; then
  # --- integration-test set ---
  rm -rf "$it"; mkdir -p "$it"
  speak en-us 160 50 "my bill is wrong and i want to speak to a manager" "$tmp/a.wav"
  telephone "$tmp/a.wav" "$it/bill-ulaw8k.wav"
  sox -D "$tmp/a.wav" -r 8000 -e a-law -b 8 "$it/bill-alaw8k.wav" sinc 300-3400
  sox -D "$tmp/a.wav" -r 8000 -e signed -b 16 -t raw "$it/bill-8k.raw" sinc 300-3400
  speak en-us+f3 170 60 "thank you so much for your help today" "$tmp/b.wav"
  cp "$tmp/b.wav" "$it/thanks-16k.wav"
  sox -D "$tmp/b.wav" -r 44100 "$it/thanks-44k.wav"
  # a short call: three utterances separated by a second of silence, 8 kHz 16-bit PCM
  speak en-us 160 50 "i have been waiting for an hour" "$tmp/c1.wav"
  speak en-us 160 50 "the internet has been down since yesterday" "$tmp/c2.wav"
  speak en-us 160 50 "please cancel my subscription" "$tmp/c3.wav"
  sox -n -r 16000 -b 16 -c 1 "$tmp/sil.wav" trim 0 1.0
  sox -D "$tmp/sil.wav" "$tmp/c1.wav" "$tmp/sil.wav" "$tmp/c2.wav" "$tmp/sil.wav" "$tmp/c3.wav" "$tmp/sil.wav" \
      -r 8000 -e signed -b 16 "$it/call-8k.wav" sinc 300-3400
  rm -rf "$tel"; mkdir -p "$tel"
  printf 'id\tvoice\tspeed\ttext\n' > "$tel/transcripts.tsv"
fi

# --- telephone benchmark set ---
n=0
while IFS= read -r line; do
  [[ -z "$line" ]] && continue
  for v in "${voices[@]}"; do
    read -r voice speed pitch <<<"$v"
    n=$((n + 1)); id=$(printf 'u%03d' "$n")
    if [[ -n "$wide" ]]; then
      speak "$voice" "$speed" "$pitch" "$line" "$wide/$id.wav"
    else
      speak "$voice" "$speed" "$pitch" "$line" "$tmp/s.wav"
      telephone "$tmp/s.wav" "$tel/$id.wav"
      printf '%s\t%s\t%s\t%s\n' "$id" "$voice" "$speed" "$line" >> "$tel/transcripts.tsv"
    fi
  done
done < "$here/sentences.txt"
echo "made $n utterances"
