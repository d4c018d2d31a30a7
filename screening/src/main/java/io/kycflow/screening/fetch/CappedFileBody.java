package io.kycflow.screening.fetch;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Streams a 200 response body into a file, refusing it once it passes a size cap (the JDK's file handler
 * has no cap, and a misbehaving server must not fill the disk). Other statuses are discarded: their body
 * is null. The file is forced to disk before the body completes, so a snapshot renamed into place after
 * a crash holds whole files.
 */
final class CappedFileBody implements BodySubscriber<ReceivedFile> {
    private final Path file;
    private final long maxBytes;
    private final MessageDigest digest;
    private final CompletableFuture<ReceivedFile> result = new CompletableFuture<>();
    private Flow.Subscription subscription;
    private FileChannel out;
    private long written;

    private final long declaredBytes;

    private CappedFileBody(Path file, long maxBytes, long declaredBytes) {
        this.file = file;
        this.maxBytes = maxBytes;
        this.declaredBytes = declaredBytes;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    static HttpResponse.BodyHandler<ReceivedFile> handler(Path file, long maxBytes) {
        return info -> {
            if (info.statusCode() != 200) {
                return HttpResponse.BodySubscribers.replacing(null);
            }
            return new CappedFileBody(file, maxBytes, info.headers().firstValueAsLong("Content-Length").orElse(-1));
        };
    }

    @Override
    public CompletionStage<ReceivedFile> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (declaredBytes > maxBytes) {
            s.cancel();
            fail(new IOException("response declares " + declaredBytes + " bytes, over the cap of " + maxBytes));
            return;
        }
        try {
            out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            s.cancel();
            fail(e);
            return;
        }
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (result.isDone()) {
            return;
        }
        try {
            for (ByteBuffer b : buffers) {
                written += b.remaining();
                if (written > maxBytes) {
                    subscription.cancel();
                    fail(new IOException("response body over the cap of " + maxBytes + " bytes"));
                    return;
                }
                digest.update(b.duplicate());
                while (b.hasRemaining()) {
                    out.write(b);
                }
            }
            subscription.request(1);
        } catch (IOException e) {
            subscription.cancel();
            fail(e);
        }
    }

    @Override
    public void onError(Throwable t) {
        fail(t);
    }

    @Override
    public void onComplete() {
        if (result.isDone()) {
            return;
        }
        try {
            out.force(true);
            out.close();
            result.complete(new ReceivedFile(file, written, HexFormat.of().formatHex(digest.digest())));
        } catch (IOException e) {
            fail(e);
        }
    }

    private void fail(Throwable t) {
        try {
            if (out != null) {
                out.close();
            }
        } catch (IOException ignored) {
            // the staging folder holding the file is deleted by the caller
        }
        result.completeExceptionally(t);
    }
}
