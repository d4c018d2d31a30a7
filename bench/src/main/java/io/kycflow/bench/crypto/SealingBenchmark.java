package io.kycflow.bench.crypto;

import io.kycflow.common.crypto.AesGcm;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;

/**
 * One AES-GCM sealing of a small value (a 32-byte data key, as the master key wraps one per submission; a
 * ~300-byte subject, as a submission's {@code kyc_schema}), as the API's request threads seal:
 *
 * <ul>
 *   <li>{@code freshCipher}: the baseline, what each sealing on a virtual thread did before ciphers were
 *       pooled: look the transformation up in the JCA providers ({@code Cipher.getInstance}), then seal;</li>
 *   <li>{@code pooled}: {@link AesGcm#seal}, a cipher borrowed from its pool.</li>
 * </ul>
 *
 * <pre>
 * java -cp "bench/target/kycflow-bench.jar:bench/target/lib/*" org.openjdk.jmh.Main SealingBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SealingBenchmark {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** What is sealed: a data key, as the master key wraps one per submission; or a submission's subject. */
    @Param({"data-key", "subject"})
    public String value;

    private SecretKey key;
    private byte[] plaintext;
    private byte[] associatedData;

    @Setup
    public void setUp() {
        key = AesGcm.newKey();
        if (value.equals("data-key")) {
            plaintext = new byte[AesGcm.KEY_BYTES];
            RANDOM.nextBytes(plaintext);
        } else {
            plaintext = ("{\"id\":\"c-1\",\"self_attested_data\":{\"first_name\":\"Amelia\",\"last_name\":\"Hartley\","
                    + "\"date_of_birth\":\"1984-03-12\",\"country_of_residence\":\"GB\",\"address\":{\"street_1\":"
                    + "\"12 Harbour Road\",\"city\":\"Bristol\",\"postal_code\":\"BS1 5TT\",\"country_code\":\"GB\"},"
                    + "\"email\":\"amelia.hartley@example.com\",\"phone\":\"+44 20 7946 0958\"}}").getBytes(StandardCharsets.UTF_8);
        }
        associatedData = "acme/job-1/0f6e2b1c-submission".getBytes(StandardCharsets.UTF_8);
    }

    /** The baseline: what each sealing on a virtual thread did before ciphers were pooled. */
    @Benchmark
    public byte[] freshCipher() throws GeneralSecurityException {
        byte[] iv = new byte[12];
        RANDOM.nextBytes(iv);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
        cipher.updateAAD(associatedData);
        return cipher.doFinal(plaintext);
    }

    @Benchmark
    public AesGcm.Sealed pooled() {
        return AesGcm.seal(key, plaintext, associatedData);
    }
}
