package io.crmkit.benchmarks.crypto;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;

import io.crmkit.benchmarks.jpa.BenchDatabase;
import io.crmkit.benchmarks.jpa.Quiet;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.Identifier;
import io.crmkit.jpa.JpaCrmStore;
import io.crmkit.jpa.JpaStoreConfig;
import io.crmkit.jpa.crypto.FieldEncryption;
import io.crmkit.jpa.crypto.LocalKeyring;

/**
 * Field encryption's cost on PostgreSQL, measured interleaved: a plaintext and an encrypted store,
 * each on its own embedded PostgreSQL started side by side in this one JVM, take turns in short
 * blocks (plain, encrypted, encrypted, plain, ...), so a change in the shared machine's load hits
 * both alike; the figure is the median over rounds of the per-round ratio encrypted / plain, for
 * write, read by id and lookup by identifier. {@link FieldEncryptionBenchmark} is the JMH form of
 * the same operations (one fork per method, so its ratios also carry the drift between forks).
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.crmkit.benchmarks.crypto.FieldEncryptionRun [customers] [rounds] [opsPerBlock]</pre>
 */
public final class FieldEncryptionRun {
    private FieldEncryptionRun() {
    }

    public static void main(String[] args) throws Exception {
        int customers = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        int block = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        Quiet.logs();
        try (BenchDatabase plainDb = BenchDatabase.start("crypto_run_plain");
                BenchDatabase encDb = BenchDatabase.start("crypto_run_encrypted")) {
            JpaStoreConfig base = JpaStoreConfig.custom().batchWritesInTransactions(true).build();
            try (JpaCrmStore plain = JpaCrmStore.create(plainDb.dataSource(), base);
                    JpaCrmStore enc = JpaCrmStore.create(encDb.dataSource(), JpaStoreConfig.from(base)
                            .fieldEncryption(FieldEncryption.of(LocalKeyring.generate("bench"))).build())) {
                for (JpaCrmStore store : new JpaCrmStore[] {plain, enc}) {
                    for (int start = 0; start < customers; start += 1_000) {
                        int first = start;
                        store.runInTransaction(() -> {
                            for (int n = first; n < first + 1_000 && n < customers; n++) {
                                store.customers().save(FieldEncryptionBenchmark.customer(n));
                            }
                        });
                    }
                }
                SplittableRandom random = new SplittableRandom(5);
                long[] nextPlain = {customers};
                long[] nextEnc = {customers};
                report("write", rounds, block,
                        n -> plain.inTransaction(() -> plain.customers().save(FieldEncryptionBenchmark.customer(nextPlain[0]++))),
                        n -> enc.inTransaction(() -> enc.customers().save(FieldEncryptionBenchmark.customer(nextEnc[0]++))));
                report("read", rounds, block,
                        n -> plain.customers().findById(id(random.nextInt(customers))).orElseThrow(),
                        n -> enc.customers().findById(id(random.nextInt(customers))).orElseThrow());
                report("lookup", rounds, block,
                        n -> plain.customers().findByIdentifier(passport(random.nextInt(customers))).orElseThrow(),
                        n -> enc.customers().findByIdentifier(passport(random.nextInt(customers))).orElseThrow());
            }
        }
    }

    private static CustomerId id(int n) {
        return CustomerId.of(String.format("C%011d", n));
    }

    private static Identifier passport(int n) {
        return Identifier.passport("GB", String.format("P%08d", n));
    }

    private static void report(String name, int rounds, int block, LongConsumer plain, LongConsumer encrypted) {
        // warm both paths first
        time(plain, block * 3);
        time(encrypted, block * 3);
        List<Double> ratios = new ArrayList<>();
        double[] plainUs = new double[rounds];
        double[] encUs = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            // alternate which goes first, so neither always follows the other
            double p;
            double e;
            if (r % 2 == 0) {
                p = time(plain, block);
                e = time(encrypted, block);
            } else {
                e = time(encrypted, block);
                p = time(plain, block);
            }
            plainUs[r] = p;
            encUs[r] = e;
            ratios.add(e / p);
        }
        double[] sorted = ratios.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        Arrays.sort(plainUs);
        Arrays.sort(encUs);
        System.out.printf("%-6s plain median %9.1f us/op  encrypted median %9.1f us/op  ratio median %.3f  (min %.3f, max %.3f, %d rounds x %d ops)%n",
                name, plainUs[rounds / 2], encUs[rounds / 2], sorted[rounds / 2], sorted[0], sorted[rounds - 1], rounds, block);
    }

    private static double time(LongConsumer op, int ops) {
        long t0 = System.nanoTime();
        for (int i = 0; i < ops; i++) {
            op.accept(i);
        }
        return (System.nanoTime() - t0) / 1_000.0 / ops;
    }
}
