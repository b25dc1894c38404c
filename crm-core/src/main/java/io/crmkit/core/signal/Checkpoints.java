package io.crmkit.core.signal;

import io.crmkit.core.account.AccountId;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.error.ValidationException;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The checkpoint format: a header (magic, format version, the rule set's fingerprint), every
 * customer's state, then the decisions taken but not yet written. A checkpoint restores only into an
 * engine with the same rules (ids, conditions and suppression windows). Stateless and thread-safe.
 */
final class Checkpoints {
    private static final long MAGIC = 0x43524d5349473031L; // "CRMSIG01"
    /** Format 2 keeps each kind's rings in one slab (2026-12); format 1 wrote ring by ring and is still read. */
    private static final int FORMAT = 2;

    private Checkpoints() {}

    static int bounded(int n, int max) {
        if (n < 0 || n > max) {
            throw ValidationException.of("checkpoint", "Format", "is damaged (a count is out of range)");
        }
        return n;
    }

    static void write(Kernel kernel, List<Decision> pending, DataOutput out) throws IOException {
        out.writeLong(MAGIC);
        out.writeInt(FORMAT);
        out.writeLong(kernel.set.fingerprint);
        // the customers there are now; ones added while writing are left to the replay (slots are never freed)
        int[] counts = new int[kernel.segments.length];
        int total = 0;
        for (int i = 0; i < counts.length; i++) {
            synchronized (kernel.segments[i]) {
                counts[i] = kernel.segments[i].count;
            }
            total += counts[i];
        }
        out.writeInt(total);
        for (int i = 0; i < counts.length; i++) {
            Segment seg = kernel.segments[i];
            for (int slot = 0; slot < counts[i]; slot++) {
                synchronized (seg) { // one customer at a time, so publishing to the segment goes on meanwhile
                    out.writeUTF(seg.key(slot).value());
                    seg.write(slot, out);
                }
            }
        }
        out.writeInt(pending.size());
        for (Decision d : pending) {
            HostEvent ev = d.event();
            out.writeUTF(d.rule().id());
            out.writeUTF(ev.eventId());
            out.writeUTF(ev.kind().name());
            out.writeUTF(ev.customerId().value());
            out.writeUTF(ev.accountId() == null ? "" : ev.accountId().value());
            out.writeLong(ev.at().getEpochSecond());
            out.writeInt(ev.at().getNano());
            out.writeDouble(ev.value());
        }
    }

    /** Fills the kernel's states and returns the pending decisions. */
    static List<Decision> read(Kernel kernel, DataInput in) throws IOException {
        int format = in.readLong() == MAGIC ? in.readInt() : -1;
        if (format != 1 && format != FORMAT) {
            throw ValidationException.of("checkpoint", "Format", "is not a checkpoint of this engine version");
        }
        if (in.readLong() != kernel.set.fingerprint) {
            throw ValidationException.of("checkpoint", "SameRules", "was taken with other rules than this engine's");
        }
        int customers = bounded(in.readInt(), kernel.maxCustomers());
        for (int i = 0; i < customers; i++) {
            CustomerId id = CustomerId.of(in.readUTF());
            if (!kernel.restore(id, in, format)) {
                throw ValidationException.of("checkpoint", "Format", "holds more customers than maxCustomers");
            }
        }
        int pending = bounded(in.readInt(), 100_000_000);
        List<Decision> out = new ArrayList<>();
        for (int i = 0; i < pending; i++) {
            String ruleId = in.readUTF();
            Rule rule = kernel.set.rules.stream().filter(r -> r.id().equals(ruleId)).findFirst()
                    .orElseThrow(() -> ValidationException.of("checkpoint", "Format", "names an unknown rule"));
            String eventId = in.readUTF();
            EventKind kind = EventKind.of(in.readUTF());
            CustomerId customer = CustomerId.of(in.readUTF());
            String account = in.readUTF();
            Instant at = Instant.ofEpochSecond(in.readLong(), in.readInt());
            double value = in.readDouble();
            out.add(new Decision(rule, new HostEvent(eventId, kind, customer,
                    account.isEmpty() ? null : AccountId.of(account), at, value)));
        }
        return out;
    }
}
