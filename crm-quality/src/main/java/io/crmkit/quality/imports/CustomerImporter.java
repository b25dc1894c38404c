package io.crmkit.quality.imports;

import io.crmkit.core.Crm;
import io.crmkit.core.CrmSession;
import io.crmkit.core.check.Check;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.error.CrmException;
import io.crmkit.core.error.DuplicateKeyException;
import io.crmkit.core.error.StoreException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.error.Violation;
import io.crmkit.core.org.Actor;
import io.crmkit.quality.mapping.ColumnMapping;
import io.crmkit.quality.mapping.MappedRow;
import io.crmkit.quality.mapping.RowMapper;
import io.crmkit.quality.source.RecordReader;
import io.crmkit.quality.source.SourceFormat;
import io.crmkit.quality.source.SourceRecord;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Imports customers from a CSV or JSON Lines file through {@code crm.as(actor)}, so the actor's
 * scope, the interceptors and the audit see every write. Rows are read in constant memory and
 * written in chunks, one transaction each. A bad row is rejected (into the error file, with its
 * line, column, rule and message) while the good rows of its chunk go in; a chunk whose write fails
 * at the store is rolled back and redone row by row, so only the failing row is rejected.
 *
 * <p>With a checkpoint file the job is resumable: run it again with the same file, mapping, mode
 * and checkpoint after a crash or kill and it goes on where the last committed chunk ended,
 * ending in the same state as a run that was never stopped (see {@link Checkpoint}). A finished
 * job run again does nothing. Running the same file again as a new job in {@code UPSERT} or
 * {@code SKIP} mode adds and changes nothing either.
 *
 * <pre>{@code
 * ImportReport r = CustomerImporter.custom().mode(ImportMode.UPSERT).chunkSize(500)
 *         .errorFile(Path.of("customers.errors.csv")).checkpoint(Path.of("customers.checkpoint.json"))
 *         .listener(p -> log.info("{} rows, {}/s", p.read(), (long) p.rowsPerSecond())).build()
 *         .run(crm, Actor.system("feed-import"), Path.of("customers.csv"), ColumnMapping.read(Path.of("customers.mapping")));
 * }</pre>
 *
 * <p>A dry run goes through every row and writes the error file, but rolls every chunk back
 * (so a key repeated in two chunks of the file is not caught, and no checkpoint is kept).
 *
 * <p>Immutable and thread-safe; one {@link #run} at a time per checkpoint file.
 */
public final class CustomerImporter {
    private final ImportMode mode;
    private final int chunkSize;
    private final boolean dryRun;
    private final @Nullable Path errorFile;
    private final @Nullable Path checkpoint;
    private final @Nullable String jobId;
    private final ImportListener listener;
    private final long progressEveryRows;

    private CustomerImporter(Builder b) {
        this.mode = b.mode;
        this.chunkSize = b.chunkSize;
        this.dryRun = b.dryRun;
        this.errorFile = b.errorFile;
        this.checkpoint = b.checkpoint;
        this.jobId = b.jobId;
        this.listener = b.listener;
        this.progressEveryRows = b.progressEveryRows;
    }

    public static Builder custom() {
        return new Builder();
    }

    /** UPSERT, chunks of 500, no error file, no checkpoint. */
    public static CustomerImporter ofDefaults() {
        return custom().build();
    }

    /** {@link #run(Crm, Actor, Path, SourceFormat, ColumnMapping)} with the format from the file name. */
    public ImportReport run(Crm crm, Actor actor, Path file, ColumnMapping mapping) {
        return run(crm, actor, file, SourceFormat.ofFileName(file.getFileName().toString()), mapping);
    }

    /**
     * Imports {@code file}.
     *
     * @throws ValidationException on field {@code file} if the file cannot be read on (broken CSV
     *     quoting, no header), or on {@code checkpoint} if the checkpoint belongs to another file,
     *     mapping or mode; rows done before stay done and the checkpoint stays where it was
     * @throws StoreException if the store or the file system fails; resumable from the checkpoint
     */
    public ImportReport run(Crm crm, Actor actor, Path file, SourceFormat format, ColumnMapping mapping) {
        Check.notNull(crm, "crm");
        Check.notNull(actor, "actor");
        Check.notNull(file, "file");
        Check.notNull(format, "format");
        Check.notNull(mapping, "mapping");
        long started = System.nanoTime();
        String sha = FileHash.sha256(file);
        String job = jobId != null ? jobId : "import-" + sha.substring(0, 16);
        Checkpoint cp = new Checkpoint(job, sha, mapping.fingerprint(), mode, 0, 0, ImportCounts.ZERO, false, null);
        if (checkpoint != null && !dryRun) {
            Optional<Checkpoint> saved = Checkpoint.read(checkpoint);
            if (saved.isPresent()) {
                cp = resume(crm, saved.get(), cp);
            }
        }
        long resumedAt = cp.nextIndex();
        if (cp.finished()) {
            return new ImportReport(job, sha, cp.counts(), resumedAt, dryRun, Duration.ofNanos(System.nanoTime() - started));
        }
        long size = sizeOf(file);
        try (CountingInputStream counted = new CountingInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
                RecordReader reader = RecordReader.open(format, counted)) {
            Run run = new Run(crm.as(actor), new RowMapper(mapping, LocalDate.now(crm.clock().withZone(crm.zone()))),
                    new RowApplier(crm.as(actor), mapping, mode), cp, reader, counted, size, started);
            try (ErrorFile errors = errorFile == null ? null
                    : ErrorFile.open(errorFile, format, cp.errorBytes(), reader.columns())) {
                run.errors = errors;
                if (errors != null && cp.errorBytes() == 0) {
                    run.cp = run.cp.done(run.cp.nextIndex(), errors.flush(false), run.cp.counts(), false);
                }
                return run.all(resumedAt, job, sha);
            }
        } catch (IOException e) {
            throw new StoreException("the input file cannot be read", false);
        }
    }

    private Checkpoint resume(Crm crm, Checkpoint saved, Checkpoint fresh) {
        if (!saved.fileSha256().equals(fresh.fileSha256()) || !saved.mapping().equals(fresh.mapping())
                || saved.mode() != fresh.mode() || (jobId != null && !saved.jobId().equals(jobId))) {
            throw ValidationException.of("checkpoint", "SameJob",
                    "the checkpoint belongs to another file, mapping, mode or job; use a new checkpoint file");
        }
        Checkpoint.Pending p = saved.pending();
        if (p == null) {
            return saved;
        }
        Optional<Customer> probe = crm.store().customers().findById(CustomerId.of(p.probeCustomer()));
        boolean committed = p.probeVersionBefore() < 0 ? probe.isPresent()
                : probe.map(c -> c.meta().version() != p.probeVersionBefore()).orElse(false);
        return committed ? saved.done(p.endIndex(), p.errorBytes(), p.counts(), false) : saved.withPending(null);
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new StoreException("the input file cannot be read", false);
        }
    }

    /** One run over the file. Not thread-safe. */
    private final class Run {
        final CrmSession session;
        final RowMapper mapper;
        final RowApplier applier;
        final RecordReader reader;
        final CountingInputStream counted;
        final long size;
        final long started;
        Checkpoint cp;
        @Nullable ErrorFile errors;
        long lastProgress;
        long readThisRun;

        Run(CrmSession session, RowMapper mapper, RowApplier applier, Checkpoint cp, RecordReader reader,
                CountingInputStream counted, long size, long started) {
            this.session = session;
            this.mapper = mapper;
            this.applier = applier;
            this.cp = cp;
            this.reader = reader;
            this.counted = counted;
            this.size = size;
            this.started = started;
        }

        ImportReport all(long resumedAt, String job, String sha) {
            SourceRecord r;
            for (long skipped = 0; skipped < resumedAt; skipped++) {
                if (reader.next() == null) {
                    throw ValidationException.of("checkpoint", "SameJob", "the checkpoint is past the end of the file");
                }
            }
            List<SourceRecord> chunk = new ArrayList<>(chunkSize);
            while ((r = reader.next()) != null) {
                chunk.add(r);
                if (chunk.size() == chunkSize) {
                    unit(chunk);
                    chunk.clear();
                }
            }
            if (!chunk.isEmpty()) {
                unit(chunk);
            }
            long errBytes = errors == null ? 0 : errors.flush(true);
            cp = cp.done(cp.nextIndex(), errBytes, cp.counts(), true);
            save();
            progress(true);
            return new ImportReport(job, sha, cp.counts(), resumedAt, dryRun, Duration.ofNanos(System.nanoTime() - started));
        }

        /** One chunk in one transaction; if the store refuses it, each of its rows on its own. */
        void unit(List<SourceRecord> rows) {
            if (!tryUnit(rows, false) && rows.size() > 1) {
                for (SourceRecord row : rows) {
                    if (!tryUnit(List.of(row), true)) {
                        throw new IllegalStateException("a single row must always settle");
                    }
                }
            }
            readThisRun += rows.size();
            progress(false);
        }

        /**
         * Runs rows in one transaction. True when settled (committed, or a single row that failed at
         * the store and is now rejected); false when a chunk must be split.
         */
        boolean tryUnit(List<SourceRecord> rows, boolean single) {
            long start = cp.nextIndex();
            long errBefore = cp.errorBytes();
            ImportCounts before = cp.counts();
            List<RowOutcome> outcomes = new ArrayList<>(rows.size());
            List<MappedRow> mapped = new ArrayList<>(rows.size());
            try {
                session.inTransaction(() -> {
                    mapped.clear();
                    for (SourceRecord row : rows) {
                        mapped.add(mapper.map(row));
                    }
                    // every identifier of the unit in one store call, inside the unit's transaction
                    applier.startUnit(mapped);
                    outcomes.clear();
                    outcomes.addAll(applier.applyUnit(mapped));
                    ImportCounts counts = before;
                    RowOutcome firstWrite = null;
                    for (int n = 0; n < rows.size(); n++) {
                        SourceRecord row = rows.get(n);
                        RowOutcome o = outcomes.get(n);
                        counts = counts.plus(o.kind());
                        if (o.kind() == RowOutcome.Kind.REJECTED && errors != null) {
                            errors.add(row, o.violations());
                        }
                        if (firstWrite == null && o.written() != null) {
                            firstWrite = o;
                        }
                    }
                    long errAfter = errors == null ? 0 : errors.flush(true);
                    if (dryRun) {
                        cp = cp.done(start + rows.size(), errAfter, counts, false);
                        throw new DryRunRollback();
                    }
                    if (firstWrite != null) {
                        cp = cp.withPending(new Checkpoint.Pending(start + rows.size(), errAfter, counts,
                                firstWrite.written().value(), firstWrite.versionBefore()));
                        save();
                    }
                    cp = cp.done(start + rows.size(), errAfter, counts, false);
                    return null;
                });
            } catch (DryRunRollback expected) {
                return true;
            } catch (StoreException e) {
                if (e.isTransient()) {
                    throw e;
                }
                return settleFailed(rows, single, start, errBefore, before, outcomes, e);
            } catch (CrmException e) {
                return settleFailed(rows, single, start, errBefore, before, outcomes, e);
            }
            save();
            return true;
        }

        private boolean settleFailed(List<SourceRecord> rows, boolean single, long start, long errBefore,
                ImportCounts before, List<RowOutcome> outcomes, CrmException cause) {
            if (errors != null) {
                errors.rewind(errBefore);
            }
            cp = cp.done(start, errBefore, before, false);
            save();
            if (!single) {
                return false;
            }
            SourceRecord row = rows.get(0);
            List<Violation> why;
            if (!outcomes.isEmpty() && !outcomes.get(0).violations().isEmpty()) {
                why = outcomes.get(0).violations();
            } else if (cause instanceof ValidationException v) {
                why = v.violations();
            } else if (cause instanceof DuplicateKeyException) {
                why = List.of(Violation.of(mapperKeyColumn(), "DuplicateKey",
                        "an identifier of the row belongs to another customer (perhaps one outside the importer's scope)"));
            } else {
                why = List.of(Violation.of("", "StoreRefused", "the store refused the row ("
                        + cause.getClass().getSimpleName() + ")"));
            }
            long errAfter = 0;
            if (errors != null) {
                errors.add(row, why);
                errAfter = errors.flush(true);
            }
            cp = cp.done(start + 1, errAfter, before.plus(RowOutcome.Kind.REJECTED), false);
            save();
            return true;
        }

        private String mapperKeyColumn() {
            return mapper.mapping().identifiers().get(0).column();
        }

        void save() {
            if (checkpoint != null && !dryRun) {
                cp.write(checkpoint);
            }
        }

        void progress(boolean last) {
            long read = cp.counts().read();
            if (!last && read - lastProgress < progressEveryRows) {
                return;
            }
            lastProgress = read;
            double secs = (System.nanoTime() - started) / 1e9;
            double rate = secs > 0 ? readThisRun / secs : 0;
            double fraction = size <= 0 ? 1 : Math.min(1.0, counted.count() / (double) size);
            Duration eta = null;
            if (rate > 0 && fraction > 0) {
                eta = Duration.ofMillis((long) (secs * 1000 * (1 - fraction) / fraction));
            }
            listener.onProgress(new ImportProgress(cp.counts(), rate, last ? 1.0 : fraction, last ? Duration.ZERO : eta));
        }
    }

    /** Rolls a dry-run chunk back; never leaves the importer. */
    private static final class DryRunRollback extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DryRunRollback() {
            super("dry run", null, false, false);
        }
    }

    /** Counts bytes read, for progress. Not thread-safe. */
    private static final class CountingInputStream extends java.io.FilterInputStream {
        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }

    /** Configures a {@link CustomerImporter}; each setter checks its argument. Not thread-safe. */
    public static final class Builder {
        private ImportMode mode = ImportMode.UPSERT;
        private int chunkSize = 500;
        private boolean dryRun;
        private @Nullable Path errorFile;
        private @Nullable Path checkpoint;
        private @Nullable String jobId;
        private ImportListener listener = ImportListener.none();
        private long progressEveryRows = 10_000;

        private Builder() {}

        public Builder mode(ImportMode value) { mode = Check.notNull(value, "mode"); return this; }

        /** Rows per transaction, 1 to 10,000; default 500. */
        public Builder chunkSize(int value) { chunkSize = Check.range(value, 1, 10_000, "chunkSize"); return this; }

        /** Check every row and write the error file, but roll every chunk back. */
        public Builder dryRun(boolean value) { dryRun = value; return this; }

        /** Where rejected rows go (replaced by a fresh run, continued by a resumed one); default none. */
        public Builder errorFile(@Nullable Path value) { errorFile = value; return this; }

        /** The checkpoint file that makes the job resumable; default none. */
        public Builder checkpoint(@Nullable Path value) { checkpoint = value; return this; }

        /** The job's id; default derived from the file's hash. A checkpoint of another job is refused. */
        public Builder jobId(@Nullable String value) {
            Check.that(value == null || value.matches("[A-Za-z0-9._:-]{1,64}"), "jobId", "Code",
                    "must be 1-64 letters, digits or . _ : -");
            jobId = value;
            return this;
        }

        /** Progress callback; default none. */
        public Builder listener(ImportListener value) { listener = Check.notNull(value, "listener"); return this; }

        /** Report progress every this many rows (1 to 10,000,000); default 10,000. */
        public Builder progressEveryRows(long value) {
            Check.that(value >= 1 && value <= 10_000_000, "progressEveryRows", "Range", "must be between 1 and 10000000");
            progressEveryRows = value;
            return this;
        }

        public CustomerImporter build() {
            return new CustomerImporter(this);
        }
    }
}
