package io.kycflow.workers.checks.documents;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * OCR by the {@code tesseract} program (Debian's {@code tesseract-ocr} with the English model), run as a
 * process per image: the image goes in on stdin as PNG, the text comes back on stdout.
 *
 * <p>Why a process and not a Java binding (tess4j over JNA): a native crash in libtesseract would take the
 * whole worker JVM down with every task it holds, a process can be killed when it overruns its timeout,
 * and Debian ships only {@code libtesseract.so.5} (JNA looks for {@code libtesseract.so}, which comes with
 * the -dev package). The cost, ~50 ms to start a process, is small beside the OCR itself (seconds a page).
 *
 * <p>{@code OMP_THREAD_LIMIT=1}: Tesseract's OpenMP threads slow it down on small machines shared with the
 * other workers; parallelism comes from the worker's concurrency instead.
 */
public final class TesseractOcr implements Ocr {

    static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String MRZ_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<";

    private final String program;

    public TesseractOcr(String program) {
        this.program = program;
    }

    /** {@code tesseract} from the {@code PATH}. */
    public static TesseractOcr onPath() {
        return new TesseractOcr(findOnPath().map(Path::toString).orElse("tesseract"));
    }

    static Optional<Path> findOnPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "tesseract");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    @Override
    public boolean available() {
        return Files.isExecutable(Path.of(program));
    }

    @Override
    public String read(BufferedImage image, Mode mode) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        List<String> command = new ArrayList<>(List.of(program, "stdin", "stdout", "-l", "eng"));
        if (mode == Mode.MRZ) {
            // One uniform block, the MRZ alphabet only: '<' is otherwise read as '«', 'K' or 'c'.
            command.addAll(List.of("--psm", "6", "-c", "tessedit_char_whitelist=" + MRZ_ALPHABET));
        } else {
            command.addAll(List.of("--psm", "3"));
        }
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("OMP_THREAD_LIMIT", "1");
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        CompletableFuture<byte[]> output = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(png.toByteArray());
        } catch (IOException e) {
            // It closed its input early: its exit status below says why.
        }
        try {
            if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IOException("tesseract did not finish within " + TIMEOUT.toSeconds() + " s");
            }
            if (process.exitValue() != 0) {
                throw new IOException("tesseract exited with status " + process.exitValue());
            }
            return new String(output.get(5, TimeUnit.SECONDS), StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading a document", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            process.destroyForcibly();
            throw new IOException("could not read tesseract's output", e);
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
